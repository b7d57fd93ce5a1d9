#!/usr/bin/env python3
"""Build table_docx.docx (a test notice) with the standard library only.

usage: python3 make_docx.py [OUTPUT]   (default: table_docx.docx next to this script)

Minimal valid package: [Content_Types].xml, _rels/.rels, word/document.xml.
The body has cover paragraphs, outline numbers typed as text (一、 / （一）) and a
5-column task table whose 牵头单位 cell is vertically merged over rows 1-2
(w:vMerge restart + continue) and whose row 5 配合单位 cell holds two paragraphs.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import docx_package  # noqa: E402  (Tests/Fixtures/docx_package.py)

WIDTHS = [700, 4300, 1400, 1900, 1300]

# (序号, 任务内容, 牵头单位 or (text, vmerge), 配合单位, 时间节点)
ROWS = [
    ("1", "建立健全反诈工作机制，成立本系统电信网络诈骗劝阻工作队伍，落实分管负责同志和专职联络员，明确劝阻工作流程。",
     ("安稳办", "restart"), "办公室、委属各单位", "2024年6月底前"),
    ("2", "开展反诈宣传进医院、进科室、进社区活动，在门诊大厅等显著位置常态化设置宣传内容，每季度至少开展1次集中宣传。",
     ("", "continue"), "委属各单位", "长期坚持"),
    ("3", "推动全系统干部职工下载安装国家反诈中心APP并开启预警功能，干部职工安装注册率达到100%。",
     "办公室", "委属各单位", "2024年7月底前"),
    ("4", "加强医疗卫生机构信息系统安全防护，开展网络安全漏洞和数据泄露风险排查，防范冒用医疗机构名义实施诈骗。",
     "信息科", "区卫生信息中心", "2024年9月-10月"),
    ("5", "开展打击欺诈骗取医疗保障基金专项治理，严厉查处虚构医药服务、伪造医疗文书等违法违规行为。",
     "医政科", ["规财科", "委属各医疗机构"], "年底前"),
]


def body():
    p = []
    p.append(docx_package.para("上海市静安区卫生健康委员会文件", align="center", bold=True))
    p.append(docx_package.para("静卫健〔2024〕18号", align="center"))
    p.append(docx_package.para(""))
    p.append(docx_package.para("上海市静安区卫生健康委员会关于印发《静安区卫生健康系统2024年防范电信网络诈骗工作方案》的通知", align="center", bold=True))
    p.append(docx_package.para("委机关各科室，委属各单位："))
    p.append(docx_package.para("现将《静安区卫生健康系统2024年防范电信网络诈骗工作方案》印发给你们，请结合实际认真贯彻落实。", indent=True))
    p.append(docx_package.para("上海市静安区卫生健康委员会", align="right"))
    p.append(docx_package.para("2024年5月20日", align="right"))
    p.append(docx_package.para(""))
    p.append(docx_package.para("静安区卫生健康系统2024年防范电信网络诈骗工作方案", align="center", bold=True))
    p.append(docx_package.para("为深入贯彻落实《中华人民共和国反电信网络诈骗法》，切实保障全系统干部职工和就医群众财产安全，结合工作实际，制定本方案。", indent=True))
    p.append(docx_package.para("一、工作目标", bold=True))
    p.append(docx_package.para("全面构建全系统反诈工作格局，干部职工防骗意识和识骗能力明显增强，力争全系统电信网络诈骗发案数、损失金额同比下降。", indent=True))
    p.append(docx_package.para("二、重点任务", bold=True))
    p.append(docx_package.para("各牵头单位要会同配合单位按照下表明确的任务和时间节点抓好落实。", indent=True))
    p.append(docx_package.table(["序号", "任务内容", "牵头单位", "配合单位", "时间节点"], ROWS, WIDTHS))
    p.append(docx_package.para("三、工作要求", bold=True))
    p.append(docx_package.para("（一）加强组织领导。委属各单位要成立由主要负责同志任组长的反诈工作小组，研究部署本单位反诈工作，确保各项任务落到实处。", indent=True))
    p.append(docx_package.para("（二）强化督导考核。委安稳办要将反诈工作纳入平安建设年度考核，对工作不力、发案较多的单位进行通报约谈。", indent=True))
    p.append(docx_package.para(""))
    p.append(docx_package.para("上海市静安区卫生健康委员会办公室　　2024年5月20日印发"))
    return "".join(p)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "table_docx.docx")
    docx_package.write(out, body(), (2024, 5, 20, 9, 0, 0))  # fixed timestamps: reproducible bytes
    print(out)


if __name__ == "__main__":
    main()
