        {
            "question_id": 9,
            "answer_id": 61,
            "feed_source_id": 25,
            "feed_source_name": "曲阜师范大学",
            "feed_source_img": "https://typora012.oss-cn-qingdao.aliyuncs.com/202208030838764.png",
            "question": "政治与公共管理学院举行“新时代、新青年、新担当”恳谈会",
            "answer_ctnt": "为深入学习贯彻习近平总书记在庆祝中国共产主义青年团成立100周年大会上的重要讲话精神，政治与公共管理学院于5月23日举行“新时代，新青年，新担当”主题恳谈会。校团委书记孔轶众、学院党委书记卢瑞霞出席了会议，恳谈会由学院团委书记马腾主持，学院辅导员、学生党员代表、团员代表参加会议。",
            "good_num": "112",
            "comment_num": "18"
        },
