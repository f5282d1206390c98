@extends('layouts.app')
@section('title', '公司简介')

@section('styles')

@stop

@section('content')
	<!--================Our Blog Area =================-->
	<section class="our_blog_area">
		<div class="container">
			<div class="main_title">
				<h5>{{ trans('commons.latest_news') }}</h5>
				<h2>{{ trans('commons.from_out_blog') }}</h2>
			</div>
			<div class="row our_blog_inner">
				<div class="col-md-4">
					<div class="our_blog_item">
						<div class="our_blog_img">
							<img src="/images/news/news-default.jpg" alt="">
							<div class="b_date">
								<h6>JULY</h6>
								<h5>25</h5>
							</div>
						</div>
						<div class="our_blog_content">
							<a href="#">
								<h4>中央首次派宣讲团赴港宣讲十九大</h4>
							</a>
							<p>据央广网报道，中央宣讲团成员、中央文献研究室主任冷溶23日早上到香港特区政府总部，为政府官员和高级公务员主讲中共十九大报告。中联办主任王志民等人出席。</p>
							<h6><a href="#">Frank Martin</a><span>•</span><a href="#">9 Comments</a></h6>
						</div>
					</div>
				</div>
