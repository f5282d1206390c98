<%@page contentType="text/html;charset=UTF-8"%>
<%@ include file="/WEB-INF/views/taglib.jsp"%>
<%
	String path = request.getContextPath();
%>
<!DOCTYPE html>
<!--[if IE 8]> <html lang="en" class="ie8"> <![endif]-->
<!--[if IE 9]> <html lang="en" class="ie9"> <![endif]-->
<!--[if !IE]><!-->
<html lang="en">
<!--<![endif]-->
<head>
<meta http-equiv="Content-Type" content="text/html;charset=UTF-8" />
<link href="<%=path%>/resources/bootstrap/bootstrap.min.css"
	rel="stylesheet" type="text/css" />
<meta name="viewport"
	content="width=device-width,user-scalable=yes, initial-scale=1,maximum-scale=3">
<link type="text/css" rel="stylesheet"
	href="<%=path%>/resources/css/xyxw.css" />
<title>省质检院党委班子开展专项行动自查自纠</title>
<style type="text/css">
.anniu {
	position: absolute;
	top: 11%;
	right: 88%
}

.return {
	position: absolute;
	top: 11%;
	left: 88%
}
</style>
</head>
<body style="overflow: auto;">
	<div class="main">
		<div class="DYtop">
			<img style="width: 100%;" src="<%=path%>/resources/img/wxptLOGO.png" />

		</div>

		<div class="middle" style="padding-bottom: 2px;position: relative;">
			<h1 style="color: #0D91DE"><b>质检新闻</b></h1>
			<div class="anniu" >
				<a href="<%=path%>/wxpt/ZyZjxgxx/zhuye?openId=${openId}"
					style="float: left; width: 40px; height: 50px;"> <img
					style="width: 60%;heght: 20px;" src="<%=path%>/resources/img/zyan.png" />
				</a>
			</div>
			<div class="return">
				<a href="<%=path%>/wxpt/ZyZjxgxx/zyZjxwlb?openId=${openId}"
					style="float: left; width: 40px; height: 50px;"> <img
					style="width: 60%;heght: 20px;" src="<%=path%>/resources/img/return.png" />
				</a>
			</div>
			
		</div>

		<div class="bottom">
			<div class="h"></div>
			<div>
			<div align="center">
			<h4>省质检院党委班子开展专项行动自查自纠</h4>
			</div>
				<p style="text-indent:28px;">
				1月25日下午，省质检院党委召开专题会议，对照《省质检院落实“两个责任”推动规范发展专项行动工作方案》，开展党委班子自查自纠，初步确立问题清单，并就下一步查纠整改作出安排。 
				</p>
				<p align="center">
				<img alt="何汉翔院长一行赴和县调研考察" src="<%=path%>/resources/img/news9.png" >
				</p>
				<p style="text-indent:28px;">
				会上，9位党委委员分别对照《专项行动工作方案》，结合动员部署、深入学习两个阶段的工作，从主体责任落实、监督责任执行的角度，结合各自的党委班子分工，并对照责任担当的要求，提出了党委班子和个人在开展和落实党委工作中存在的问题。
				</p>
				<p style="text-indent:28px;">
				会议认为，推动规范发展，务必规范落实和切实加强党的领导，关键是要落实好院党委抓班子、带队伍的主体责任，基础上规范党委工作。 会议提出，为推动质检事业的发展，客观上确实存在党委工作薄弱的方面。但从现在起，务必从主体责任落实和监督责任执纪问责的层面，解决主观上存在的问题。切实提高对规范党委工作的认识，强化制度建设与规范落实。 
				</p>
				<p style="text-indent:28px;">
				会议提出，为推动质检事业的发展，客观上确实存在党委工作薄弱的方面。但从现在起，务必从主体责任落实和监督责任执纪问责的层面，解决主观上存在的问题。切实提高对规范党委工作的认识，强化制度建设与规范落实。
				</p>
				<p style="text-indent:28px;">
				会议要求，党办要对会议提出讨论研究的问题落实清单，在下一步工作中，深入查找问题存在的根源，切实做好建章立制、强化规范落实的工作，以扎实有效的党委工作促进规范发展的快速实现。 
				</p>
				<p style="text-indent:28px;">
				会议还就加强和改进党办、纪检监察工作提出了意见。 
				</p>
			</div>
			</div>
		</div> 
		
</body>
</html>