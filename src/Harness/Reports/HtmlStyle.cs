namespace SlmEnergyBench.Harness.Reports;

/// <summary>The report's only style sheet, inline: system fonts, readable tables, banners that cannot be missed, print-friendly.</summary>
internal static class HtmlStyle
{
    public const string Css = """
        :root { color-scheme: light; --ink: #1d2330; --muted: #5b6472; --line: #d9dee7; --head: #f3f5f9; --accent: #2456a6; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1260px; padding: 24px 20px 48px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
        h3 { font-size: 16px; margin: 20px 0 8px; }
        p { margin: 8px 0; max-width: 75em; }
        a { color: var(--accent); }
        .sub { color: var(--muted); margin: 0 0 16px; }
        .banner { border-radius: 6px; padding: 12px 16px; margin: 12px 0; font-weight: 600; border: 2px solid; }
        .banner.estimated { background: #fff4e0; border-color: #d9822b; color: #6b3a00; }
        .banner.simulated { background: #f3e8ff; border-color: #8a4fd0; color: #43146f; }
        .banner.imported { background: #e6f6f4; border-color: #2a9d8f; color: #0f4a43; }
        .banner.fake { background: #eef2ff; border-color: #5a6fd6; color: #1f2f7a; }
        .banner.interrupted, .banner.failures { background: #fdecea; border-color: #c0392b; color: #6e1a12; }
        .banner.resumed, .banner.warnings { background: #fff9db; border-color: #b8960c; color: #5c4a00; }
        .banner.machine { background: #fdecea; border-color: #c0392b; color: #6e1a12; }
        .banner .detail { display: block; font-weight: 400; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; margin-top: 4px; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
        dl.facts dt { color: var(--muted); font-weight: 600; }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        nav { margin: 16px 0; padding: 8px 12px; background: var(--head); border-radius: 6px; font-size: 14px; }
        nav a { margin-right: 14px; white-space: nowrap; }
        .scroll { overflow-x: auto; margin: 8px 0; }
        table { border-collapse: collapse; font-size: 13px; }
        caption { text-align: left; color: var(--muted); padding: 4px 0; caption-side: top; }
        th, td { border: 1px solid var(--line); padding: 4px 7px; vertical-align: top; text-align: left; }
        thead th { background: var(--head); position: sticky; top: 0; }
        tbody th { font-weight: 600; min-width: 8em; }
        .ci { color: var(--muted); font-size: 11.5px; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.failed > * { background: #fdecec; }
        tr.ours > * { background: #fffbe6; }
        tr.text > td { border-top: none; padding: 0 8px 4px; background: #fbfcfe; }
        .note { color: var(--muted); font-size: 14px; }
        .chart-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 16px; margin: 20px 0; }
        .chart-grid figure { margin: 0; }
        .chart-grid figure.wide { grid-column: 1 / -1; }
        figure { margin: 20px 0; padding: 12px; border: 1px solid var(--line); border-radius: 6px; break-inside: avoid; }
        figure img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
        figcaption { margin-top: 8px; font-size: 14px; }
        figcaption strong { display: block; font-size: 15px; }
        details summary { cursor: pointer; color: var(--accent); }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa; border: 1px solid var(--line); border-radius: 4px; padding: 8px 10px; font: 12.5px/1.45 ui-monospace, Menlo, Consolas, monospace; margin: 4px 0 8px; }
        pre.prose { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        pre.json { max-height: 640px; overflow: auto; }
        ul.files { columns: 2; }
        footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; }
          nav { display: none; }
          a { color: inherit; }
          thead th { position: static; }
          tr, figure { break-inside: avoid; }
          pre.json { max-height: none; }
          .banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """;
}
