<%@ page pageEncoding="UTF-8"%>
<%@ include file="/view/srplatform/common/taglibs.jsp"%>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<link href="view/srplatform/portal/logo.ico" type="image/ico" rel="shortcut icon"/> 
<title>晋中政府采购借力纪检监- 【阳光易购】</title>
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
	<a href="javascript:void(0)" id="/view/staticpags/cgxqzx/ff8080813192fe7c0131abfe6aa31417.jsp" title="晋中政府采购借力纪检监" class="cmsHref_self">晋中政府采购借力纪检监</a>
		
				</div>
			</div>
 
			<div id="conBody">
				<input type="hidden"  id="channelId" value="2c9087922e6f5c1a012e6f72d3b7013c" />
				<div class="frameNews">
					<h1>晋中政府采购借力纪检监</h1>
					<div class="source">
						<span>发布时间：2011-08-09</span>
						<span>发布人：-  </span>
					</div>
					<p><P>加强 政府采购 制度建设，规范政府采购行为，提高财政资金使用效益，是实施财政精细化管理的基本要求和重要内容。近年来， 山西省 晋中市 政府采购相关部门按照“积极稳妥，先易后难，重点突出，全面推进”的思路，从完善政府采购制度建设、强化监督管理入手，为政府采购制度在该市的推开营造了良好的环境。</P>
<P>“政府采购工作要在实践中不断提升和发展，必须积极探索政府采购新思路、新做法，在精细化采购上下功夫，稳步提高政府采购的工作质量和服务水平。”晋中市 财政局 纪检组长薛振明在日前召开的山西全 省政府 采购工作会议分组讨论会上提出了上述观点。他认为，做好这项工作必须统筹兼顾，与相关部门和 当事人 协同配合，形成推动政府采购工作的合力。</P>
<P>规范 工程 采购行为</P>
<P>“政府采购法律制度不统一，制约了采购活动的有效开展，这个矛盾在工程类政府采购 项目 中表现得比较突出，其核心问题是怎样处理《政府采购法》与《招标投标法》的关系，怎样协调 财政部门 与建设部门的关系。”晋中市财政局相关 负责人 认为，有关部门应加强沟通协调，建立健全统一的政府采购管理机制，在 市政府 的协调下，发改委、财政、住房和城乡建设等部门应对工程类政府采购项目统筹规划，进一步理顺工程政府采购各环节权责，明确不同部门的管理职责。</P>
<P>据介绍，在已经出台的《晋中市市级政府采购工作规程》中，针对小型工程类项目的分散采购行为，晋中市尝试了3种管理模式以保证采购规范化。一是试行投资评审制度，由评审机构对小型工程项目进行评审，最终确定工程价格;二是试行现场核查制度，聘请政府采购评审专家对工程现场进行勘察，包括核查工程工作量、查阅工程图纸、核实预决算等内容;三是核实资金支付手续，督促采购人严格按照规定程序和标准实施采购、支付资金，有效杜绝了违法违规行为。</P>
<P>下一步，晋中市财政局将按照《政府采购法》的相关规定，制定工程项目实行政府采购的管理及具体实施办法，要求未实行招标投标的工程类采购项目必须按政府采购法规执行，实行招标投标的须研究制定除《招标投标法》外政府采购执行的途径和办法，各部门之间相互协作、密切配合，共同做大做好工程类政府采购项目。</P>
<P>发挥纪检监察部门监督职能</P>
<P>晋中市财政局政府采购 办公室 设立于2003年7月，政府采购监督与执行机构按照相关法律法规各司其职、各负其责的要求开展工作，该市政府采购制度改革取得了显著的成效。</P>
<P>“政府采购监管力量还需要进一步加强，政府采购法律法规只对政府采购监管作出原则性的规定，对具体怎样实施监管、通过什么途径监管、怎样才能达到最佳效果等问题还应进一步规范。此外，政府采购监管部门和集中采购机构在实际工作中还存在职能交叉的问题，制约了政府采购工作向更高层次推进。”未来，晋中市政府采购办公室将按照《政府采购法》的规定和山西省政府“关于进一步加强政府采购管理工作的实施意见”的要求，实行管采分离，真正形成财政监督管理部门和集中采购机构的独立运作，形成分工明确、相互制约的运行机制。</P>
<P>据了解，晋中市财政部门还将与纪检监察部门通力协作，建立政府采购定期检查制度，共同协商解决检查中发现的问题;建立政府采购协调机制，制定政府采购监督管理办法，明确监管范围和监管职责;建立完善的政府采购考核评价体系，根据政府采购招标投标项目，财政和纪检监察部门安排监督员对政府采购全过程实施监督，并对采购程序、采购当事人进行评估，通过动态监控及时发现、纠正和处理违反政府采购制度规定的行为。</P>
<P>加强专家队伍建设与监管</P>
<P>据了解，对于评审专家库的建设和管理工作，晋中市政府采购相关部门始终坚持长期建设、动态管理的理念，建立专家征集长效机制。一方面，努力扩大专家范围，细化专家分类，不断完善政府采购评审专家库抽取系统;另一方面，建立政府采购评审专家使用评价机制，提升评审专家队伍水平。通过这些措施，晋中市本级政府采购评审专家范围已涉及55类，基本满足了当前政府采购工作的需要。</P>
<P>对于如何更好地发挥评审专家作用的问题，晋中市政府采购相关部门也早已有了打算。在不久的将来，晋中市将根据《政府采购评审专家管理办法》的规定，建立专家库维护管理与抽取使用相互制约的管理制度，按照“统一标准、统一管理、联建共享”的思路，逐步整合省、市、县三级专家资源，继续面向社会广泛聘请、征集专家，不断扩充教育、建设、水利、农业、规划设计等行业的专业人才，确保评审专家储备规模和储备量不断提高。同时，进一步完善政府采购评审专家培训机制，提高评审专家的执业素质和拒腐能力，建立政府采购评审专家考核制度，加大对违规评审专家的处罚力度，对在采购项目评审过程中违背职业道德、违背评审规定的评审专家，坚决予以通报批评直至清理出评审专家库。</P>
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