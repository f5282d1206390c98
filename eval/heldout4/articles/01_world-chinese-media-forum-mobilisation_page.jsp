<%@ page language="java" import="java.util.*" pageEncoding="UTF-8"%>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<!DOCTYPE html>
<html>

	<head>
		<meta charset="utf-8">
		<title>华文视角</title>
		<link rel="stylesheet" href="${contextPath}/CLMF-frontUI-dev/bootstrap-3.3.4-dist/bootstrap-3.3.4-dist/css/bootstrap.css" />
		<link rel="stylesheet" href="${contextPath}/CLMF-frontUI-dev/css/animate.css" />
		<link rel="stylesheet" href="${contextPath}/CLMF-frontUI-dev/css/style.css" />
		<link rel="stylesheet" href="${contextPath}/CLMF-frontUI-dev/font-awesome-4.3.0/css/font-awesome.css" />

	</head>

	<body>
		<div class="header_blue  navbar navbar-fixed-top fixed-header-on " style="position: absolute;">
			<div class="container">
		
				<div class="row">
		
					<div class="col-lg-4">
		
						<!-- header-left start -->
						<!-- ================ -->
						<div class="left clearfix">
		
							<!-- logo -->
							<div class="logo smooth-scroll  ">
		
								<div class="site-name">
									<a href="#banner">
										<img id="logo" src="${contextPath}/CLMF-frontUI-dev/images/logo.png" alt="Worthy" style="width:314px;height:58px;"/>
									</a>
								</div>
							</div>
		
						</div>
						<!-- header-left end -->
		
					</div>
					<div class="col-lg-4">
						<p style="text-align: center; font-size:26px ;" class="lea mt20">华文视角</p>
					</div>
				</div>
			</div>
		</div>
	
		<div class="row-header">
			<div class="col-lg-12">
				<h2 class="page-header">&nbsp;</h2>
			</div>
			<!-- /.col-lg-12 -->
		</div>
		<div class="container">
			<div class="row mt20">
				<div class="col-lg-8 col-lg-offset-2 mb20" style="border:1px solid #ccc;">
					<h3 class="text-center mb30">
                		第八届世界华文传媒论坛召开动员会
                	</h3>
                	<div class="pull-left">
                		<img src="${contextPath}/CLMF-frontUI-dev/images/news-2.png" style="width:300px; height: 220px;margin:10px;"/>
                	</div>
					<p style="line-height: 32px;width: 100%;text-indent:20px;">
						8月9日，第八届世界华文传媒论坛动员大会在贵阳召开。
					</p>
					<p style="line-height: 32px;width: 100%;text-indent:20px;">
						8月9日，第八届世界华文传媒论坛动员大会在贵阳召开，会议对论坛期间一些细节事务做商讨与协调，确保论坛召开更富成效、更加精彩。
					</p>
					<p style="line-height: 32px;width: 100%;text-indent:20px;">
						会议要求，论坛各组工作人员要以只争朝夕的精神和求真务实的作风，抓紧落实各项筹备工作，力求以最高效的组织管理、最热情的接待服务；各部门、各单位要制订详细的工作计划，明确每项任务的时间节点、工作标准和责任人员办一届精彩难忘的论坛盛会。
					</p>
					<p style="line-height: 32px;width: 100%;text-indent:20px;">
						据悉，第八届世界华文传媒论坛将于今年8月22日至24日在贵阳召开，由国务院侨务办、贵州省政府和中国新闻社共同主办，本届论坛将围绕“海外华文媒体200年—薪火传承与使命担当”这一主题进行高层次对话，并就华文媒体的文化传承、如何讲好“中国故事”、“互联网＋”下的华文媒体、媒介融合下的全球华文媒体、华文媒体在“一带一路”建设中的机遇等议题进行探讨，以推动海外华文媒体之间及海外华文媒体与国内媒体的交流与合作。
					</p>
					<p style="line-height: 32px;width: 100%;text-indent:20px;">
						论坛期间，主办方将安排贵州省领导与海外媒体见面互动，还将促成贵州媒体与部分海外华文传媒的交流合作项目；组织海外媒体代表赴贵州各地市区参观采访，通过论坛参与者所在媒体的推介宣传，向世界客观真实地介绍贵州、展示贵州，提升贵州的国际的知名度。
					</p>
					<p style="line-height: 32px;width: 100%;text-indent:20px;">
						届时，将有五大洲近六十个国家和地区的四百余家华文媒体的社长或总编辑，中央主要新闻机构、中央国家有关部门负责人，以及部份国内有影响力媒体的负责人600余人汇聚贵阳，参与第八届世界华文传媒论坛。(完)
					</p>
				</div>

			</div>
		</div>

		<!-- Jquery and Bootstap core js files -->
		<script src="${contextPath}/CLMF-frontUI-dev/http://libs.baidu.com/jquery/2.0.0/jquery.min.js"></script>
		<script src="${contextPath}/CLMF-frontUI-dev/http://libs.baidu.com/bootstrap/3.0.3/js/bootstrap.min.js"></script>

		<!-- Modernizr javascript -->
		<script type="text/javascript" src="${contextPath}/CLMF-frontUI-dev/plugins/modernizr.js"></script>
		<!-- Isotope javascript -->
		<script type="text/javascript" src="${contextPath}/CLMF-frontUI-dev/plugins/isotope/isotope.pkgd.min.js"></script>
		<!-- Backstretch javascript -->
		<script type="text/javascript" src="${contextPath}/CLMF-frontUI-dev/plugins/jquery.backstretch.min.js"></script>
		<!-- Appear javascript -->
		<script type="text/javascript" src="${contextPath}/CLMF-frontUI-dev/plugins/jquery.appear.js"></script>
		<!-- Initialization of Plugins -->
		<script type="text/javascript" src="${contextPath}/CLMF-frontUI-dev/js/template.js"></script>
		<!-- Custom Scripts -->
	</body>

</html>