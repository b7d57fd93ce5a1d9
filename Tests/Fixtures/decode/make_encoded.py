#!/usr/bin/env python3
"""Builds the legacy-encoding fixtures of DecodeTests (writes next to this script).

gb18030.txt      a notice paragraph in GB18030, CRLF line ends, with 䶮 (a four-byte GB18030 code)
gbk.txt          a notice paragraph in GBK
gbk-short.txt    a nine-character GBK title (too short for ICU's detector alone)
big5.txt         a traditional-character paragraph in Big5
big5-short.txt   「牽頭單位：醫政科；配合單位：辦公室」 in Big5
page-gb2312.html a GBK page declaring charset=gb2312, with nav, script, style, entities and a
                 table with rowspan and colspan
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

GB18030 = (
    "关于印发《2023年全市卫生健康工作要点》的通知\r\n"
    "各区卫生健康委，各有关单位：\r\n"
    "　　现将《2023年全市卫生健康工作要点》印发给你们，请结合实际认真贯彻落实。"
    "牵头单位：医政处；配合单位：办公室、财务处。完成时限：2023年12月底前。联系人：王䶮。\r\n"
)
GBK = (
    "一、加强组织领导\n"
    "（一）各单位要高度重视，主要负责同志亲自抓，明确责任分工，确保各项任务按时保质完成。\n"
    "（二）牵头单位负责统筹协调，配合单位积极支持，每季度末报送工作进展情况。\n"
)
GBK_SHORT = "关于开展检查的通知"
BIG5 = (
    "三、工作要求\n"
    "各單位應高度重視，認真組織實施，於2023年6月30日前將工作進展情況報送辦公室。\n"
    "牽頭單位：醫政科；配合單位：辦公室、財務科。\n"
)
BIG5_SHORT = "牽頭單位：醫政科；配合單位：辦公室"

PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>关于印发工作要点的通知_某市卫生健康委员会</title>
<style type="text/css">body { font-family: "宋体"; } .nav li { float: left; }</style>
<script type="text/javascript">var menu = "<p>首页</p>"; if (a < b && c > d) { document.write("<div>广告</div>"); }</script>
</head>
<body>
<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li></ul></div>
<nav><a href="/">网站首页</a> &gt; <a href="/tzgg">通知公告</a></nav>
<div id="breadcrumb">当前位置：首页 &gt; 通知公告</div>
<!-- 正文开始 <p>注释里的文字</p> -->
<div class="article">
<h1>关于印发&ldquo;2023年工作要点&rdquo;的通知</h1>
<p>各科室&#65306;</p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;现将工作要点印发给你们&#xff0c;请认真贯彻落实。A&amp;B&lt;C&gt;&quot;D&quot;</p>
<table border="1" cellspacing="0">
<tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>
<tr><td>1</td><td>完善分级诊疗<br>制度</td><td rowspan="2">医政科</td><td>办公室</td><td>6月底前</td></tr>
<tr><td>2</td><td><p>推进家庭医生签约</p><p>签约率75%</p></td><td>财务科、办公室</td><td>12月底前</td></tr>
<tr><td>3</td><td colspan="3">其他日常工作</td><td>长期</td></tr>
</table>
<p>联系人：张三</p>
</div>
<div class="footer">版权所有：某市卫生健康委员会 地址：某市某路1号</div>
<footer>网站标识码 1234</footer>
</body></html>
"""


def write(name, text, encoding):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(text.encode(encoding))


write("gb18030.txt", GB18030, "gb18030")
write("gbk.txt", GBK, "gbk")
write("gbk-short.txt", GBK_SHORT, "gbk")
write("big5.txt", BIG5, "big5")
write("big5-short.txt", BIG5_SHORT, "big5")
write("page-gb2312.html", PAGE, "gbk")
