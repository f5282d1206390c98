    public static void main(String[] args) throws MalformedURLException {
        String urlstr = "http://www.shaanxizhongyan.com.cn/aaa/uploadimg/20120329104318763.gif";


        URL imageURL = new URL(urlstr);
        String path = imageURL.getPath();


        System.out.println(path);
        String artContent = "<td>\n" +
                "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t<p class=\"news\"></p><p style=\"TEXT-INDENT: 26px; LINE-HEIGHT: 1.5\" align=\"center\"><img src=\"/aaa/uploadimg/20120329104318763.gif\" border=\"0\"></p>\n" +
                "<p style=\"TEXT-INDENT: 26px; LINE-HEIGHT: 1.5\" align=\"center\"><img src=\"/uploadimg/20120329170949274.gif\" border=\"0\"></p>\n" +
                "<p style=\"TEXT-INDENT: 26px; LINE-HEIGHT: 1.5\">3月27至28日，陕西中烟在西安召开2012年纪检监察暨整顿规范工作会议，传达学习了全国烟草行业纪检监察及整顿规范工作会议精神，回顾总结全系统2011年党风廉政建设、反腐败及整顿规范工作，安排部署2012年反腐倡廉及整顿规范工作任务。公司党组书记、总经理陈晖主持会议并讲话，党组成员、纪检组长陈建利作工作报告。</p>\n" +
                "<p style=\"TEXT-INDENT: 26px; LINE-HEIGHT: 1.5\">陈晖指出，一要认真贯彻落实国家局纪检监察会议精神，严格按照姜成康局长讲话要求及潘家华组长六项重点工作部署，努力做到“三个始终”，牢固树立“五种意识”，突出重点，狠抓落实，切实保证政令畅通，坚决做到姜局长提出的“四个严禁”和潘组长提出的“六个严禁”。二是要进一步加强党员领导干部作风建设，深刻领会党的纯洁性的重大意义和总体要求，增强党员领导干部的纯洁性意识，加强源头治理，切实堵塞管理漏洞，规范权力运行，把制度建设作为保持党的纯洁性的重要保证。三是加强对党风廉政建设的领导，健全完善机制，提高反腐倡廉建设科学化水平。</p>\n" +
                "<p style=\"TEXT-INDENT: 26px; LINE-HEIGHT: 1.5\">针对当前和今后一个时期的整顿规范工作，陈晖提出明确要求，要统一思想，提高认识，高度重视整顿规范工作，真正把思想和行动统一到国家局党组的决策部署上来，真正理解整顿规范是行业“生命线”的重要意义，做到严格规范不动摇，主动规范不松懈，自觉规范保发展，坚持规范上水平。要突出公开招标，抓住重点环节，改进工作方法，切实抓好各项措施的落实。 </p>\n" +
                "<p style=\"TEXT-INDENT: 26px; LINE-HEIGHT: 1.5\">陈建利在工作报告中对今年纪检监察工作作了安排部署：要加强党的政治纪律监督检查，确保公司重大决策部署贯彻落实；加强领导干部作风建设，巩固作风建设年成果；落实党风廉政建设责任制，巩固反腐倡廉工作合力；强化宣传教育，铸牢反腐倡廉基础工作；加强源头治理，保障权力规范运行；抓好信访和查办案工作，发挥案件查办治本功效；加强队伍建设，不断提高履职能力。针对整顿规范工作，陈建利提出，要认真传达行业整顿规范现场会精神，提高对开展“两项工作”重要性的认识；要持续推进公开招标，认真落实应招尽招、能招尽招，提高招标实效；持续推进办事公开民主管理，认真落实干部职工“四权”；持续开展专项规范，点面结合抓好专项清理；持续贯彻落实工作规范，提高内部专卖管理监督工作水平；加强组织领导，严明工作纪律，合力推动各项工作措施有效落实。</p>\n" +
                "<p style=\"TEXT-INDENT: 26px; LINE-HEIGHT: 1.5\">会议传达学习了姜成康局长在全国烟草行业2012年纪检监察工作会议上的重要讲话、潘家华组长所作的工作报告及赵洪顺副局长在行业整顿规范工作现场会上的讲话。与会人员围绕讲话精神，结合系统改革发展和单位部门工作实际及《陕西中烟工业有限责任公司关于2012年加强内部管理监督和继续深入推进“两项工作”的安排意见》进行了分组讨论，理清了思路，明确了任务，坚定了信心。</p>\n" +
                "<p style=\"TEXT-INDENT: 26px; LINE-HEIGHT: 1.5\">会上，公司党组与各烟厂、材料厂、公司机关各部门主要负责人签订了2012年度党风廉政责任书。</p>\n" +
                "<p style=\"TEXT-INDENT: 26px; LINE-HEIGHT: 1.5\">公司党组成员、机关副处以上干部，各烟厂厂长、党委书记、纪检书记、工会主席、主管副厂长及有关部门负责人共130人参加了会议。</p></td>";


        System.out.println("Filename: " + FormatString.getPicName(urlstr));

        String resoue = urlstr.substring(0, urlstr.lastIndexOf("/"));
        System.out.println("resoue:------------------------------" + resoue);
        String relativePath = resoue = resoue.replaceAll(URLUtil.getDomainUrl(resoue), "");
        resoue = resoue.substring(0, resoue.lastIndexOf("/"));
        System.out.println("resoue:------------------------------" + resoue);


        if (StringUtils.isNotBlank(resoue)) {
            artContent = artContent.replaceAll(resoue, "/collArtPic");
        } else {
            artContent = artContent.replaceAll(resoue, "/collArtPic" + relativePath);
        }
        System.out.println(artContent);
    }
}
