/** A company intranet page as a CMS would serve it: chrome, scripts, a cookie banner, content. */
export const HANDBOOK_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Employee Handbook &mdash; Acme Intranet</title>
  <link rel="stylesheet" href="/static/site.css">
  <style>.banner { display: none } h1 > small { color: #999 }</style>
  <script async src="https://analytics.example.com/tag.js"></script>
  <script>window.dataLayer = window.dataLayer || []; if (a < b && c > d) { document.write("</p>"); }</script>
</head>
<body class="page page--handbook">
  <!-- Google Tag Manager (noscript) -->
  <noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-XXXX"></iframe></noscript>
  <svg style="display:none"><symbol id="icon-home"><title>Home icon</title><path d="M0 0h24v24H0z"/></symbol></svg>
  <nav class="site-menu"><ul><li><a href="/">Intranet home</a></li><li><a href="/benefits">Benefits portal</a></li>
    <li><nav aria-label="IT"><a href="/it">Service desk</a></nav></li></ul></nav>
  <main>
    <article>
      <h1>Employee Handbook <small>2024 edition</small></h1>
      <p class="lead">Welcome to Acme&nbsp;Corp. This handbook explains how we work,
         what we expect from each other, and what you can expect from us.</p>
      <h2 id="leave">Leave</h2>
      <p>All leave is requested in <a href="https://hr.acme.example/leave?type=annual&amp;year=2024">the HR portal</a>
         at least <strong>two weeks</strong> in advance.</p>
      <h3>Annual leave</h3>
      <ul>
        <li>Full-time employees receive <em>25 days</em> per year.</li>
        <li>Part-time employees receive a pro-rata share:
          <ul><li>3 days a week &rarr; 15 days</li><li>4 days a week &rarr; 20 days</li></ul>
        </li>
      </ul>
      <h3>Parental leave</h3>
      <p>Parents receive 16 weeks of fully paid leave.<br>Leave can start up to 4 weeks before the due date.</p>
      <table class="table">
        <thead><tr><th>Tenure</th><th>Extra days</th></tr></thead>
        <tbody>
          <tr><td>5 years</td><td>2</td></tr>
          <tr><td>10 years</td><td>5</td></tr>
        </tbody>
      </table>
      <h2>Expenses</h2>
      <ol>
        <li>Keep the receipt &#8212; photos are fine.</li>
        <li>Submit it within 30&#160;days.</li>
      </ol>
      <pre><code># Submit from the command line
acme-expenses submit --receipt ./receipt.jpg   --amount 42.50
</code></pre>
      <template id="row"><tr><td>template cell</td></tr></template>
    </article>
  </main>
  <footer><p>&copy; 2024 Acme Corp. &middot; Questions? Ask <a href="mailto:hr@acme.example">HR</a>.</p></footer>
  <script src="/static/app.js"></script>
</body>
</html>
`;

/** An engineering onboarding guide in GitHub-flavoured Markdown. */
export const ONBOARDING_MARKDOWN = `Onboarding Guide
================

Welcome to the **platform team**! This guide is _living documentation_: fix it when it is wrong.
See the [architecture overview](https://wiki.acme.example/arch_(current)) and the [glossary][gloss].

<!-- TODO: add a section about on-call rotations
     once the new schedule is agreed -->

## Your first day

* Collect your laptop from IT (ask for a \`dev\` profile).
* Join the \`#platform\` channel.
+ Read the ~~old~~ new security policy.

![Diagram of the deployment pipeline](https://cdn.acme.example/pipeline.png)

### Setting up your machine

Install the toolchain with the bootstrap script:

\`\`\`bash
# this comment is not a heading
curl -fsSL https://tools.acme.example/bootstrap.sh | bash -s -- --profile=dev
export ACME_ENV=**staging**
\`\`\`

The script reads \`~/.acmerc\`; values like \`snake_case_name\` are kept as written.
Compute budgets as 2*3*4 units, and escape a literal \\*star\\* like this.

---

## Useful links

| Service | Where |
|---------|:-----:|
| CI      | <https://ci.acme.example> |
| Docs    | [docs](https://docs.acme.example "Docs home") |

[gloss]: https://wiki.acme.example/glossary
`;
