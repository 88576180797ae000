"""The `jixiao` command line (Typer). Exit codes: 0 ok, 1 findings, 2 could not run."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.table import Table

from jixiao.errors import InputError
from jixiao.ingest import read_evaluation
from jixiao.model.evaluation import KIND_TITLES, Evaluation
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
        app(standalone_mode=False)
    except (InputError, ProfileError) as exc:
        err.print(f"[bold red]错误：[/]{exc}", markup=True, soft_wrap=True)
        raise SystemExit(2) from None
    except typer.Exit as exc:
        raise SystemExit(exc.exit_code) from None
    except typer.Abort:
        err.print("已中止。")
        raise SystemExit(130) from None
    except Exception as exc:  # click usage errors carry their own exit code
        code = getattr(exc, "exit_code", None)
        if code is not None and hasattr(exc, "show"):
            exc.show()
            raise SystemExit(code) from None
        raise
