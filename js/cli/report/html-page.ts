// The standalone page both reports are: one file, no script, no external resource, the same look.
import { escapeXml } from './svg-chart.js';

const BASE_STYLE = `body { font-family: system-ui, sans-serif; margin: 24px auto; max-width: 1320px; color: #222; background: #fafafa; }
h1 { font-size: 22px; margin: 0 0 4px; }
p.note { color: #555; margin: 0 0 16px; font-size: 13px; }
table { border-collapse: collapse; margin: 0 0 16px; font-size: 13px; background: #fff; }
th, td { border: 1px solid #ddd; padding: 4px 10px; text-align: left; }
.figures { display: flex; flex-wrap: wrap; gap: 16px; }
.figures svg { border: 1px solid #ddd; background: #fff; max-width: 100%; height: auto; }`;

/** A complete HTML page: `title` (escaped here), the shared style plus `style`, and `body` (already HTML). */
export function htmlPage(title: string, style: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>
${BASE_STYLE}
${style}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
