#!/usr/bin/env python3
"""Build crossformat_2025.docx (the new side of a cross-format diff fixture) with the standard library only.

usage: python3 make_docx.py [OUTPUT]   (default: crossformat_2025.docx next to this script)

The 2025 edition of crossformat_2024.txt, written as Word would: cover paragraphs, outline numbers
typed as text, and the tasks as a 序号/任务内容/牵头单位/配合单位/完成时限 table under 二、重点任务
(the 2024 edition had them as （一）…（五） paragraphs with inline 牵头单位/配合单位 labels).
Known edits, by 2024 item: （一） unchanged (deadline one year later); （二） metric 每季度 → 每月;
（三） metric 90% → 100%; （四） lead and support swapped; （五） unchanged; row 6 added.
Reproducible bytes (fixed timestamps); re-run after editing.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import docx_package  # noqa: E402  (Tests/Fixtures/docx_package.py)

WIDTHS = [700, 4300, 1400, 1900, 1300]

# (序号, 任务内容, 牵头单位, 配合单位, 完成时限)
ROWS = [
    ("1", "建立健全反诈工作机制，成立本系统电信网络诈骗劝阻工作队伍，落实分管负责同志和专职联络员，明确劝阻工作流程。",
     "安稳办", "办公室、委属各单位", "2025年6月底前"),
    ("2", "开展反诈宣传进医院、进科室、进社区活动，在门诊大厅等显著位置常态化设置宣传内容，每月至少开展1次集中宣传。",
     "安稳办", "委属各单位", ""),
    ("3", "推动全系统干部职工下载安装国家反诈中心APP并开启预警功能，干部职工安装注册率达到100%。",
     "办公室", "委属各单位", "2025年7月底前"),
    ("4", "加强医疗卫生机构信息系统安全防护，开展网络安全漏洞和数据泄露风险排查，防范冒用医疗机构名义实施诈骗。",
     "区卫生信息中心", "信息科", "2025年10月底前"),
    ("5", "开展打击欺诈骗取医疗保障基金专项治理，严厉查处虚构医药服务、伪造医疗文书等违法违规行为。",
     "医政科", "规财科、委属各医疗机构", "年底前"),
    ("6", "加强对老年患者和家属的防范养老诈骗宣传提示，在老年医学科、康复科病区张贴防骗提示，发放防骗手册。",
     "医政科", "委属各医疗机构", "2025年9月底前"),
]


def body():
    p = []
    p.append(docx_package.para("上海市静安区卫生健康委员会文件", align="center", bold=True))
    p.append(docx_package.para("静卫健〔2025〕11号", align="center"))
    p.append(docx_package.para(""))
    p.append(docx_package.para("上海市静安区卫生健康委员会关于印发《静安区卫生健康系统2025年防范电信网络诈骗工作方案》的通知", align="center", bold=True))
    p.append(docx_package.para("委机关各科室，委属各单位："))
    p.append(docx_package.para("现将《静安区卫生健康系统2025年防范电信网络诈骗工作方案》印发给你们，请结合实际认真贯彻落实。", indent=True))
    p.append(docx_package.para("上海市静安区卫生健康委员会", align="right"))
    p.append(docx_package.para("2025年4月28日", align="right"))
    p.append(docx_package.para(""))
    p.append(docx_package.para("静安区卫生健康系统2025年防范电信网络诈骗工作方案", align="center", bold=True))
    p.append(docx_package.para("为深入贯彻落实《中华人民共和国反电信网络诈骗法》，切实保障全系统干部职工和就医群众财产安全，结合工作实际，制定本方案。", indent=True))
    p.append(docx_package.para("一、工作目标", bold=True))
    p.append(docx_package.para("全面构建全系统反诈工作格局，干部职工防骗意识和识骗能力明显增强，力争全系统电信网络诈骗发案数、损失金额同比下降。", indent=True))
    p.append(docx_package.para("二、重点任务", bold=True))
    p.append(docx_package.para("各牵头单位要会同配合单位按照下表明确的任务和时间节点抓好落实。", indent=True))
    p.append(docx_package.table(["序号", "任务内容", "牵头单位", "配合单位", "完成时限"], ROWS, WIDTHS))
    p.append(docx_package.para("三、工作要求", bold=True))
    p.append(docx_package.para("（一）加强组织领导。委属各单位要成立由主要负责同志任组长的反诈工作小组，研究部署本单位反诈工作，确保各项任务落到实处。", indent=True))
    p.append(docx_package.para("（二）强化督导考核。委安稳办要将反诈工作纳入平安建设年度考核，对工作不力、发案较多的单位进行通报约谈。", indent=True))
    p.append(docx_package.para(""))
    p.append(docx_package.para("上海市静安区卫生健康委员会办公室　　2025年4月28日印发"))
    return "".join(p)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "crossformat_2025.docx")
    docx_package.write(out, body(), (2025, 4, 28, 9, 0, 0))  # fixed timestamps: reproducible bytes
    print(out)


if __name__ == "__main__":
    main()
