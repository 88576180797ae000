"""docs/checks.md, generated from the registry (`jixiao rules --markdown`)."""

from __future__ import annotations

from jixiao.checks.registry import FAMILIES, select
from jixiao.model.finding import SEVERITY_TITLES


def checks_markdown() -> str:
    lines = ["# jixiao 检查规则", "", "本文件由 `jixiao rules --markdown` 生成，请勿手工编辑。", "",
             "代码永不重用：JX + 类别数字 + 两位序号。级别：错误（数据确有矛盾）、警告（需要说明或核实）、提示。", ""]
    for digit, (family, title) in FAMILIES.items():
        members = [c for c in select() if c.code[2] == digit]
        if not members:
            continue
        lines += [f"## JX{digit}xx {title}（{family}）", ""]
        if digit == "0":
            lines += _UNREADABLE
        for item in members:
            lines += [f"### {item.code} {item.slug}：{item.title}", "",
                      f"默认级别：{SEVERITY_TITLES[item.severity]}" + ("；批量检查" if item.batch else ""), "", item.doc, ""]
            if item.options:
                lines += ["选项：" + "，".join(f"`{k} = {v}`" for k, v in item.options.items()), ""]
    return "\n".join(lines).rstrip() + "\n"


# JX001 is raised by the runner, not by a check function: the file never reached the checks.
_UNREADABLE = ["### JX001 file-unreadable：文件无法读取", "", "默认级别：错误", "",
               "文件不存在、为空、已损坏、已加密、格式与扩展名不符等，无法读取。批量检查时记为一条意见，不中断其他文件。", ""]
