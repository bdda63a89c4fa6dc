// The CSS embedded in every HTML report: a readable single column on screen, and a print layout.

extension HTMLReport {
    /// The page's style sheet.
    ///
    /// Screen: one column of at most 60rem, system fonts, code and tables in the system monospace
    /// face with tabular figures so that numbers line up; wide tables scroll sideways inside their
    /// box, plots shrink to the column. Print: A4/Letter margins, code wrapped rather than cut,
    /// tables in a smaller face, plots and short tables kept on one page, headings and code kept
    /// with what follows, link targets written after external links, and backgrounds printed.
    static let css = """
    :root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0969da; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; color: var(--fg); background: #fff;
      font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    main { max-width: 60rem; margin: 0 auto; padding: 2.5rem 1.5rem 3rem; }
    h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.8em 0 .6em; font-weight: 650; }
    h1 { font-size: 2rem; margin-top: 0; }
    h2 { font-size: 1.45rem; padding-bottom: .3em; border-bottom: 1px solid var(--line); }
    h3 { font-size: 1.15rem; }
    h4, h5, h6 { font-size: 1rem; }
    p, ul, ol, blockquote { margin: 0 0 1em; }
    ul, ol { padding-left: 1.6em; }
    li + li { margin-top: .2em; }
    li > ul, li > ol { margin: .2em 0 0; }
    a { color: var(--accent); text-decoration: underline; text-underline-offset: 2px; }
    blockquote { margin-left: 0; padding: 0 1em; color: var(--muted); border-left: .25em solid var(--line); }
    hr { border: 0; border-top: 1px solid var(--line); margin: 2em 0; }
    img { max-width: 100%; }
    code, pre, table { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace; }
    :not(pre) > code { font-size: .88em; padding: .1em .35em; background: #eff2f5; border-radius: 4px; }
    pre { font-size: 13px; line-height: 1.5; margin: 0 0 .9rem; padding: .65rem .9rem; overflow-x: auto; border-radius: 6px; }
    pre code { font-size: inherit; }
    .prose pre { background: var(--soft); }
    .meta { display: flex; flex-wrap: wrap; gap: .3rem 1.4rem; margin: -.2rem 0 2rem; padding-bottom: .9rem;
      font-size: .88rem; color: var(--muted); border-bottom: 1px solid var(--line); }
    .meta b { font-weight: 600; color: var(--fg); margin-right: .25em; }
    .meta code { background: none; padding: 0; }
    .meta .failed b { color: #cf222e; }
    .cell { margin: 0 0 1.6rem; }
    pre.code { background: var(--soft); border: 1px solid #e3e8ee; border-left: 3px solid #8fb3e0; white-space: pre-wrap; overflow-wrap: anywhere; }
    .code .c { color: #6e7781; font-style: italic; }
    .code .s { color: #0a6640; }
    .code .n { color: #a04100; }
    .code .k { color: #8250df; font-weight: 600; }
    .code .v { color: #0550ae; font-weight: 600; }
    .code .o { color: #6f42c1; }
    pre.value { background: #fff; border: 1px solid #e3e8ee; }
    pre.error { color: #82071e; background: #fff0f0; border: 1px solid #f5c2c7; border-left: 3px solid #cf222e; white-space: pre-wrap; overflow-wrap: anywhere; }
    .warning { font-size: .9rem; margin: 0 0 .9rem; padding: .45rem .9rem; background: #fff8c5; border-left: 3px solid #bf8700; border-radius: 4px; }
    .not-run { opacity: .55; }
    .not-run-note, .stopped { font-size: .85rem; color: var(--muted); font-style: italic; }
    .not-run-note { margin: -.5rem 0 .9rem; }
    .frame { margin: 0 0 1.1rem; }
    .shape, .hidden-columns { margin: 0 0 .3rem; font-size: .8rem; color: var(--muted); }
    .hidden-columns { margin-top: .3rem; }
    .scroll { width: fit-content; max-width: 100%; overflow-x: auto; border: 1px solid #e3e8ee; border-radius: 6px; }
    table { border-collapse: collapse; font-size: 12.5px; line-height: 1.45; font-variant-numeric: tabular-nums; }
    th, td { padding: .22rem .8rem; text-align: left; white-space: pre; vertical-align: top; }
    thead th { position: sticky; top: 0; background: #eef1f4; font-weight: 600; }
    thead tr.types th { font-weight: 400; font-size: 11px; color: var(--muted); padding-top: 0; border-bottom: 1px solid var(--line); }
    tbody tr:nth-child(even) { background: #f8f9fb; }
    th.num, td.num { text-align: right; }
    td.null { color: #8c959f; font-style: italic; }
    tr.elided td { text-align: center; color: var(--muted); background: #fff; letter-spacing: .05em; }
    td.empty { color: var(--muted); font-style: italic; }
    figure.plot { margin: 0 0 1.3rem; }
    figure.plot svg { display: block; max-width: 100%; height: auto; border: 1px solid #e3e8ee; border-radius: 6px; }
    footer { margin-top: 3rem; padding-top: .8rem; border-top: 1px solid var(--line); font-size: .8rem; color: var(--muted); }
    footer code { background: none; padding: 0; }
    @media (max-width: 40rem) { main { padding: 1.2rem .9rem 2rem; } h1 { font-size: 1.6rem; } }
    @page { margin: 16mm 14mm; }
    @media print {
      html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { font-size: 10.5pt; line-height: 1.45; }
      main { max-width: none; padding: 0; }
      h1 { font-size: 20pt; }
      h2 { font-size: 14pt; }
      h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
      p, li { orphans: 3; widows: 3; }
      pre { font-size: 8.5pt; white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; }
      pre.code { break-inside: avoid; page-break-inside: avoid; break-after: avoid; page-break-after: avoid; }
      .cell { break-inside: auto; }
      .scroll { overflow: visible; border: 0; }
      table { font-size: 7.5pt; }
      th, td { padding: .1rem .45rem; }
      thead th { position: static; }
      .frame, figure.plot { break-inside: avoid; page-break-inside: avoid; }
      figure.plot svg { max-height: 120mm; width: auto; }
      .prose a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; color: var(--muted); word-break: break-all; }
      footer { margin-top: 1.5rem; }
    }

    """
}
