"""The `jixiao` command line (Typer). Exit codes: 0 ok, 1 findings, 2 could not run."""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from jixiao.batch import StopOnInterrupt, find_files, run_batch
from jixiao.batch_output import SINKS
from jixiao.checks import CHECKS, CheckOptions, audit_files, select
from jixiao.checks.docs import checks_markdown
from jixiao.config import load_check_config
from jixiao.errors import InputError
from jixiao.ingest import read_evaluation
from jixiao.model.evaluation import KIND_TITLES, Evaluation
from jixiao.model.finding import SEVERITY_TITLES, Finding
from jixiao.render.findings import findings_html, findings_json, print_findings
from jixiao.render.findings import write_xlsx as write_findings_xlsx
from jixiao.render.files import render_file
from jixiao.render.terminal import print_scorecard
from jixiao.rules import ProfileError, available_profiles, profile_for
from jixiao.scoring import score as score_evaluation

app = typer.Typer(help="jixiao（绩效）：预算绩效自评的读取、评分、审核与生成。", add_completion=False,
                  no_args_is_help=True, rich_markup_mode=None)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


@app.command()
def score(
    file: Annotated[Path, typer.Argument(help="自评报告（.txt 等）或自评数据（.yaml / .json）")],
    profile: Annotated[str | None, typer.Option("--profile", "-p", help="评分规则，默认 mof-2020")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出评分结果")] = False,
) -> None:
    """按评分规则重算得分，并与报告填报的得分、总分、等级对照。"""
    evaluation = read_evaluation(file)
    card = score_evaluation(evaluation, profile_for(profile, evaluation.fiscal_year))
    if as_json:
        out.print_json(card.model_dump_json())
    else:
        print_scorecard(out, card)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="自评报告（.txt 等）")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入 JSON 文件；缺省时输出到屏幕")] = None,
) -> None:
    """从自评报告中提取数据（每个数值附来源位置），输出 JSON。"""
    text = read_evaluation(file).model_dump_json(indent=2, exclude_defaults=True)
    if output is None:
        typer.echo(text)
    else:
        output.write_text(text + "\n", encoding="utf-8")
        err.print(f"已写入 {output}")


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="自评报告或自评数据文件，可多个")],
    select: Annotated[list[str] | None, typer.Option("--select", help="只运行这些检查（代码、代码前缀或类别，可多次）")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="不运行这些检查（可多次）")] = None,
    output_format: Annotated[Literal["terminal", "json", "xlsx", "html"], typer.Option("--format", "-f", help="输出格式")] = "terminal",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件（xlsx 必须指定）")] = None,
    profile: Annotated[str | None, typer.Option("--profile", "-p", help="评分规则")] = None,
    fail_on: Annotated[Literal["error", "warning", "info", "never"] | None, typer.Option(help="达到该级别即以 1 退出")] = None,
) -> None:
    """审核自评报告：列出每一处不一致，附数字和位置。退出码：0 无问题，1 有问题，2 无法运行。"""
    config = load_check_config(Path.cwd())
    options = CheckOptions(select=select or config.get("select", []), ignore=ignore or config.get("ignore", []),
                           profile=profile or config.get("profile"), options=config.get("options", {}))
    audit = audit_files(files, options)
    if len(audit.unreadable) == len(files):
        raise InputError("；".join(message for _, message in audit.unreadable))
    _emit_findings(audit.findings, output_format, output)
    level = fail_on or config.get("fail-on", "error")
    order = ("error", "warning", "info")
    failing = level != "never" and any(order.index(f.severity) <= order.index(level) for f in audit.findings)
    raise typer.Exit(1 if failing else 0)


def _emit_findings(findings: list[Finding], output_format: str, output: Path | None) -> None:
    if output_format == "xlsx":
        if output is None:
            raise InputError("--format xlsx 需要用 -o 指定输出文件")
        write_findings_xlsx(findings, output)
        err.print(f"已写入 {output}（{len(findings)} 条）")
        return
    if output_format == "terminal" and output is None:
        print_findings(out, findings)
        return
    text = findings_json(findings) if output_format == "json" else findings_html(findings)
    if output is None:
        typer.echo(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"已写入 {output}（{len(findings)} 条）")


@app.command()
def rules(markdown: Annotated[bool, typer.Option("--markdown", help="输出检查规则文档（Markdown）")] = False) -> None:
    """列出全部检查规则。"""
    if markdown:
        typer.echo(checks_markdown(), nl=False)
        return
    table = Table("代码", "名称", "类别", "级别", "说明")
    for item in select():
        table.add_row(item.code, item.slug, item.family_title, SEVERITY_TITLES[item.severity], item.title)
    out.print(table)


@app.command()
def explain(code: Annotated[str, typer.Argument(help="检查代码，如 JX101")]) -> None:
    """显示一条检查规则的说明、原因和例子。"""
    item = CHECKS.get(code.upper())
    if item is None:
        raise InputError(f"没有检查规则“{code}”（运行 jixiao rules 查看全部）")
    typer.echo(f"{item.code} {item.slug}（{item.family_title}，默认{SEVERITY_TITLES[item.severity]}）：{item.title}\n")
    typer.echo(item.doc)
    if item.options:
        typer.echo("\n选项：" + "，".join(f"{k} = {v}" for k, v in item.options.items()))


@app.command()
def render(
    file: Annotated[Path, typer.Argument(help="自评报告或自评数据文件")],
    to: Annotated[Literal["docx", "xlsx", "pdf", "html", "json"], typer.Option("--to", "-t", help="输出格式")] = "docx",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="输出文件；缺省为同名文件")] = None,
    scores: Annotated[Literal["stated", "recomputed"], typer.Option(help="表中得分：填报（stated）或重算（recomputed）")] = "stated",
    profile: Annotated[str | None, typer.Option("--profile", "-p", help="评分规则")] = None,
) -> None:
    """生成标准格式的自评报告（.docx）、附表（.xlsx）、PDF、网页或 JSON。"""
    target = output or Path(f"{file.stem}.{to}")
    if target.resolve() == file.resolve():
        raise InputError(f"{target}: 输出文件与输入文件相同，未覆盖")
    written = render_file(file, to, target, scores, profile)
    err.print(f"已写入 {written}")


@app.command()
def batch(
    inputs: Annotated[list[Path], typer.Argument(help="文件夹（递归查找）或文件，可多个")],
    output: Annotated[Path, typer.Option("--output", "-o", help="结果文件")] = Path("results.xlsx"),
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="并行进程数", min=1)] = os.cpu_count() or 1,
    output_format: Annotated[Literal["xlsx", "csv", "jsonl"] | None, typer.Option("--format", "-f", help="结果格式，缺省按扩展名")] = None,
    profile: Annotated[str | None, typer.Option("--profile", "-p", help="评分规则")] = None,
) -> None:
    """批量读取、评分和审核一批报告：每份报告一行结果，另列全部审核意见和无法读取的文件。"""
    files = find_files(inputs)
    if not files:
        raise InputError(f"{'、'.join(map(str, inputs))}: 没有找到可读取的报告文件")
    kind = output_format or output.suffix.lstrip(".").lower()
    if kind not in SINKS:
        raise InputError(f"{output}: 结果格式须为 xlsx、csv 或 jsonl")
    config = load_check_config(Path.cwd())
    options = CheckOptions(select=config.get("select", []), ignore=config.get("ignore", []),
                           profile=profile or config.get("profile"), options=config.get("options", {}))
    options.validate()
    with StopOnInterrupt() as stop:  # from here on Ctrl-C stops at the next file, never mid-write
        sink = SINKS[kind](output)
        with Progress(console=err, transient=True) as bar:
            task = bar.add_task("处理中", total=len(files))
            result = run_batch(files, options, jobs, sink, lambda n: bar.advance(task, n), stop)
        sink.close()
    state = "（已中断，结果为部分）" if result.interrupted else ""
    err.print(f"已写入 {output}{state}：{result.processed} 份已处理，{result.unreadable} 份无法读取，"
              f"{result.reused} 处报告间雷同段落")
    if result.interrupted:
        raise typer.Exit(130)


@app.command()
def serve(
    port: Annotated[int, typer.Option(help="端口")] = 8000,
    demo: Annotated[bool, typer.Option(help="数据库为空时载入演示数据")] = True,
) -> None:
    """启动网页应用（开发用服务器；生产环境用 gunicorn jixiao.web.wsgi）。"""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)
    call_command("migrate", verbosity=0)
    if demo:
        call_command("jixiao_demo")
    out.print(f"网页应用：http://127.0.0.1:{port}/")
    call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)


@app.command()
def new(
    kind: Annotated[Literal["department", "project", "special_fund"], typer.Option(help="评价类型")] = "department",
    year: Annotated[int, typer.Option(help="年度", min=1990, max=2100)] = 2024,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件；缺省时输出到屏幕")] = None,
) -> None:
    """生成带中文注释的填报模板（YAML）。"""
    template = resources.files("jixiao").joinpath("templates/new-evaluation.yaml").read_text("utf-8")
    text = template.format(kind=kind, year=year, kind_title=KIND_TITLES[kind])
    if output is None:
        typer.echo(text, nl=False)
        return
    if output.exists():
        raise InputError(f"{output}: 文件已存在，未覆盖")
    output.write_text(text, encoding="utf-8")
    err.print(f"已写入 {output}")


@app.command()
def schema() -> None:
    """输出自评数据（Evaluation）的 JSON Schema。"""
    typer.echo(json.dumps(Evaluation.model_json_schema(), ensure_ascii=False, indent=2))


@app.command()
def profiles() -> None:
    """列出内置评分规则。"""
    table = Table("规则", "名称", "依据", "适用年度", "执行率分值", "性质")
    for item in available_profiles():
        years = f"{item.fiscal_years.start}–{item.fiscal_years.end or ''}"
        table.add_row(item.id, item.title, item.source, years, str(item.weights.execution), item.provenance)
    out.print(table)


def main() -> None:
    """Entry point: user errors become one Chinese line on stderr and exit code 2."""
    try:
        code = app(standalone_mode=False)  # click returns a command's exit code here
    except (InputError, ProfileError) as exc:
        err.print(f"[bold red]错误：[/]{exc}", markup=True, soft_wrap=True)
        raise SystemExit(2) from None
    except typer.Exit as exc:
        raise SystemExit(exc.exit_code) from None
    except (typer.Abort, KeyboardInterrupt):
        err.print("已中止。")
        raise SystemExit(130) from None
    except Exception as exc:  # click usage errors carry their own exit code
        code = getattr(exc, "exit_code", None)
        if code is not None and hasattr(exc, "show"):
            exc.show()
            raise SystemExit(code) from None
        raise
    raise SystemExit(code if isinstance(code, int) else 0)
