<%@ page pageEncoding="UTF-8"%>
<%@ include file="/view/srplatform/common/taglibs.jsp"%>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<link href="view/srplatform/portal/logo.ico" type="image/ico" rel="shortcut icon"/> 
<title>“十一五”中央单位政府采购改革成效显著- 【阳光易购】</title>
<c:import url="/view/srplatform/common/init.jsp">
	<c:param name="isLastLoadPage">
		true
	</c:param>
</c:import>

<!--CSS-->
<link rel="stylesheet" type="text/css" href="/view/resource/skin/thems/default/web.css" />
<link rel="stylesheet" type="text/css" href="/view/resource/skin/skin07/css/seller.css" />
<link rel="stylesheet" type="text/css" href="/view/resource/skin/thems/default/listDetail.css" />
<!--JS-->
<script type="text/javascript" src='/view/srplatform/portal/include/common.js'></script>
</head>

<body>

<div id="container">
	<!-- 头部开始 -->
	<div class="header">
		<%@ include file="/view/srplatform/portal/include/main_header_index.jsp" %>
	</div>
	<!-- 头部结束-->
    <!--主要内容 开始-->
	<div id="sysContent" class="page">
		<div id="contentSub" class="index3pa">
			<%@ include file="/view/staticpags/load/left_cms.jsp" %>
		</div>
		<div id="contentMain" class="index3pa">
			<div id="conTitle">
				<div class="navCurrent ">

	<a href="/view/srplatform/portal/index.jsp" id="/view/srplatform/portal/index.jsp" title="首页" target="_self">首页</a>
	<a href="javascript:void(0)" id="/view/staticpags/cgxqzx/cgxqzx.jsp" title="采购焦点资讯" class="cmsHref_self">采购焦点资讯</a>
	<a href="javascript:void(0)" id="/view/staticpags/cgxqzx/ff8080813225280f013227992e660020.jsp" title="“十一五”中央单位政府采购改革成效显著" class="cmsHref_self">“十一五”中央单位政府采购改革成效显著</a>
		
				</div>
			</div>
 
			<div id="conBody">
				<input type="hidden"  id="channelId" value="2c9087922e6f5c1a012e6f72d3b7013c" />
				<div class="frameNews">
					<h1>“十一五”中央单位政府采购改革成效显著</h1>
					<div class="source">
						<span>发布时间：2011-09-02</span>
						<span>发布人：-  </span>
					</div>
					<p><P>“十一五”时期，中央单位政府采购工作沿着扩面增量和规范管理的主线稳步推进，在发挥政府采购政策功能、提高财政资金使用效益、促进国家经济社会发展目标实现上取得了显著成效。</P>
<P>记者从8月30日前举行的中央单位政府采购工作会议上了解到，“十一五”期间，政府采购规模由2005年的408亿元增加到2010年的567亿元。在此基础上，政府采购政策功能不断拓展，“十一五”时期，中央单位节能环保产品政府采购金额达268亿元，约占同类所有产品政府采购金额的66.2%。在此基础上，财政部加强了对进口产品审核管理，严格把好服务器、存储设备等中低端网络设备新购的进口关，增强了政策功能的实施效果。各集中采购机构在中央单位探索实施了电子废弃物处理试点工作，认真贯彻落实政府机关带头使用正版软件的政策要求，取得了积极成效。</P>
<P>与此同时，由于政府采购法制建设取得积极进展，中央单位采购活动规范化水平得到了显著提升，5年间，中央单位公开招标采购金额由245亿元增加到395亿元，占采购总规模的比例由60.2%提高到69.7%，使得以公开招标为主要采购方式的格局进一步巩固。此外，随着集中采购管理的逐步强化，各集中采购机构不断加强自身建设，增强采购效率和服务意识，有效发挥了集中采购的规模优势，主导地位进一步突出。2005年到2010年，中央单位政府集中采购规模(含部门集中采购)由237.7亿元增加到375.6亿元，占采购总规模的比例由58.3%提高到66.3%。体现部门特点的部门集中采购工作不断深入，也在加强部门系统采购管理方面发挥了重要作用。高检、高法、公安部、教育部、水利部、外交部、商务部等部门相继设立了内部政府采购管理机构，培养了一批具有专业技能和管理水平的从业人员，为推动中央单位政府采购事业的全面协调发展奠定了坚实基础。</P>
<P>“十一五”期间，中央单位政府采购监管工作得到加强，源头治腐作用有效发挥，2006年财政部牵头组织开展了政府采购领域治理商业贿赂专项工作，2008年又会同监察部、审计署和国家预防腐败局开展政府采购执行情况专项检查工作，在规范采购操作行为等方面取得了积极进展。财政部连续2年开展了对集中采购机构的年度考核工作，并将考核结果向社会公告，有力地推动了集采工作的规范化运行。此外，随着GPA谈判的稳步推进，中央单位应对国际化能力不断增强，23个中央部门作为GPA研究工作组成员单位，积极开展谈判应对工作，为制定我国加入GPA谈判总体策略和2次出价方案提供了重要依据。</P>
</p>
				</div>
			</div>
		</div>
	</div>
	<!--主要内容 结束-->
	<!-- 脚开始 -->
	<div class="footer">
	    <%@ include file="/view/srplatform/portal/include/foot.jsp" %>
	</div>
	<!-- 脚结束 -->
</div>
</body>

</html>

<script>
	// 为左边栏设定选中样式,判断用于解决点击左边栏后样式被覆盖问题
	var id = $("#channelId").val();
	if(null != $('.subnav>li[id='+id+']').html()) {
		$('.subnav>li').removeClass('selected');
		$('.subnav>li[id='+id+']').addClass('selected');
	}
</script>