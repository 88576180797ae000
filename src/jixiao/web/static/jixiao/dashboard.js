// The dashboard's charts. Every text that comes from the data (organisation names, statuses)
// is escaped before it reaches a tooltip, which ECharts renders as HTML.
(() => {
  const d = JSON.parse(document.getElementById("dashboard-data").textContent);
  const esc = (value) => echarts.format.encodeHTML(value === null || value === undefined ? "—" : String(value));
  const chart = (id, option) => echarts.init(document.getElementById(id)).setOption({animation: false, ...option});
  const title = (text) => ({text, textStyle: {fontSize: 14}});
  const itemTip = {formatter: (p) => `${esc(p.name)}：${esc(p.value)}`};
  const bar = (text, rows) => ({title: title(text), tooltip: itemTip, grid: {containLabel: true},
    xAxis: {type: "category", data: rows.map((r) => r[0]), axisLabel: {interval: 0, rotate: 30}}, yAxis: {type: "value"},
    series: [{type: "bar", data: rows.map((r) => r[1])}]});
  chart("grades", bar("等级分布", d.grades));
  chart("totals", {title: title("填报总分与重算总分"), tooltip: {formatter: (p) => `${esc(p.data[2])}：${esc(p.data[0])} / ${esc(p.data[1])}`},
    xAxis: {name: "填报", min: 50, max: 100}, yAxis: {name: "重算", min: 50, max: 100},
    series: [{type: "scatter", data: d.totals.map((r) => [r[1], r[2], r[0]])}, {type: "line", data: [[50, 50], [100, 100]], symbol: "none", tooltip: {show: false}}]});
  chart("execution", bar("预算执行率(%)", d.execution));
  chart("codes", bar("审核意见（按代码）", d.codes));
  chart("progress", {title: title("各部门提交进度"), tooltip: {formatter: (p) => `${esc(p.name)} · ${esc(p.seriesName)}：${esc(p.value)}`},
    legend: {bottom: 0}, xAxis: {type: "category", data: d.progress.departments}, yAxis: {type: "value"},
    series: d.progress.statuses.map((s, i) => ({name: s, type: "bar", stack: "s", data: d.progress.counts[i]}))});
  chart("history", {title: title("历年总分：" + d.unit), legend: {bottom: 0},
    tooltip: {trigger: "axis", formatter: (ps) => esc(ps[0].name) + ps.map((p) => `<br>${esc(p.seriesName)}：${esc(p.value)}`).join("")},
    xAxis: {type: "category", data: d.history.map((r) => r[0])}, yAxis: {type: "value", min: 50, max: 100},
    series: [{name: "填报", type: "line", data: d.history.map((r) => r[1])}, {name: "重算", type: "line", data: d.history.map((r) => r[2])}]});
})();
