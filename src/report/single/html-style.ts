/** The HTML report's stylesheet: inline, print-ready (A4), system fonts that carry Chinese, no web font. */

/** Common system fonts that carry Chinese, on macOS, Windows and Linux; no web font. */
const FONTS = `"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif`;

export const CSS = `
@page { size: A4; margin: 15mm }
* { box-sizing: border-box }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact }
body { margin: 0; font-family: ${FONTS}; font-size: 10pt; line-height: 1.45; color: #1f2328; background: #fff }
main { max-width: 180mm; margin: 0 auto; padding: 10mm 0 }
@media print { main { max-width: none; padding: 0 } }
h1 { font-size: 16pt; margin: 0 0 1.5mm }
h1 .stamp { font-size: 12pt; font-weight: 600; white-space: nowrap }
h2 { font-size: 13pt; margin: 0 0 3mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #1f2328; break-after: avoid }
h3 { font-size: 11pt; margin: 4mm 0 2mm; break-after: avoid }
p { margin: 1.5mm 0 }
.meta, .note { color: #57606a; font-size: 8.5pt }
.part { margin-top: 9mm }
.part.page { break-before: page }
.chart { display: block; max-width: 100%; height: auto; break-inside: avoid; margin: 2mm 0 }
.chart text { font-family: ${FONTS}; font-size: 12px; fill: #1f2328 }
.chart .track { fill: #e6e8eb }
.chart .back { fill: #eceef1 }
.chart .tick { stroke: #8c959f; stroke-width: 1 }
.chart .tick-label { font-size: 10px; fill: #57606a }
.chart .pass-line { stroke: #1f2328; stroke-width: 2; stroke-dasharray: 4 3 }
.chart .pass-label { font-size: 11px; font-weight: 600 }
.chart .score-label { font-size: 15px; font-weight: 700 }
.chart .score-label.inside { fill: #fff }
.chart .bar-value { font-size: 11px; fill: #57606a; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round }
.chart .bar-value.inside { fill: #fff; stroke: none; font-weight: 600 }
.tone-pass { fill: #2e7d32 } .tone-fail { fill: #c62828 }
.tone-partial { fill: #e0a100 } .tone-failed { fill: #c62828 } .tone-missing, .tone-invalid { fill: #7b5ea7 } .tone-bonus { fill: #8c959f }
.verdict-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2mm 6mm; margin: 1mm 0 2mm }
.verdict-head .unit { font-size: 14pt; font-weight: 700 }
.verdict-head .big { font-size: 22pt; font-weight: 700; font-variant-numeric: tabular-nums }
.verdict-head .of { color: #57606a }
.badge { display: inline-block; padding: 0.5mm 3mm; border-radius: 2mm; font-weight: 700; font-size: 12pt; color: #fff }
.badge.pass { background: #2e7d32 } .badge.fail { background: #c62828 }
.warn { color: #9a3412; font-weight: 600 }
table { width: 100%; border-collapse: collapse; font-size: 9pt; margin: 2mm 0 }
thead { display: table-header-group }
tr, tbody.row { break-inside: avoid }
th, td { padding: 1.2mm 1.6mm; border-bottom: 0.75pt solid #d0d7de; text-align: left; vertical-align: top }
th { background: #f3f4f6; font-weight: 600; white-space: nowrap }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap }
.lost-pos { color: #c62828; font-weight: 600 }
td.unit { white-space: nowrap }
tbody.row tr.main td { border-bottom: none; padding-bottom: 0.4mm }
tr.why td { color: #57606a; font-size: 8pt; padding-top: 0; padding-left: 5mm }
.st { display: inline-block; padding: 0 1.6mm; border-radius: 1mm; white-space: nowrap; font-size: 8.5pt }
.st-met { background: #d7f0d8; color: #1b5e20 }
.st-partial { background: #fde9b8; color: #7a4b00 }
.st-failed { background: #f8c9c9; color: #8e1b1b }
.st-na { background: #eceef1; color: #57606a }
.st-missing { background: #e3dcf3; color: #4a3577 }
.st-invalid { background: repeating-linear-gradient(135deg, #f3d4f0 0 3px, #e6b8e0 3px 6px); color: #6d1660 }
.st-none { background: #fff; color: #57606a }
.vetoes td:first-child { width: 2em; text-align: center; font-weight: 700 }
.veto-hit td { background: #f8c9c9 } .veto-unknown td { background: #fde9b8 }
table.heat { table-layout: fixed; font-size: 8pt }
table.heat th, table.heat td { padding: 0.8mm 0.4mm; text-align: center; border: 0.75pt solid #fff }
table.heat th.unit, table.heat td.unit { text-align: left; width: 17mm; white-space: nowrap; overflow: hidden }
table.heat th.score, table.heat td.score { width: 12mm; text-align: right }
table.heat thead th { vertical-align: bottom }
table.heat thead th.it { writing-mode: vertical-rl; writing-mode: sideways-lr; text-align: start; white-space: nowrap; font-weight: 500; font-size: 7.5pt; line-height: 1.15; padding: 1mm 0 }
table.heat td.cell { font-variant-numeric: tabular-nums; height: 6mm; vertical-align: middle }
.legend { display: flex; flex-wrap: wrap; gap: 1.5mm 4mm; font-size: 8.5pt; margin: 1mm 0 }
.findings li.error { color: #8e1b1b } .findings li.warning { color: #7a4b00 }
ul.findings { margin: 1mm 0; padding-left: 5mm; font-size: 8.5pt }
`;
