import { posix } from 'node:path';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';

/**
 * GitHub's heading anchors of one markdown page, written independently of the emitter: headings
 * outside fenced code, lower-cased, punctuation dropped, spaces to hyphens, repeats suffixed -1, -2.
 */
export function headingAnchors(markdown: string): string[] {
  const anchors: string[] = [];
  const counts = new Map<string, number>();
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const fenceMatch = /^(`{3,})/.exec(line);
    if (fenceMatch) {
      if (fence === null) fence = fenceMatch[1]!;
      else if (line.trim() === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const heading = /^#{1,6} (.+)$/.exec(line);
    if (!heading) continue;
    const base = heading[1]!
      .toLowerCase()
      .replace(/[^a-z0-9_ -]/g, '')
      .replace(/ /g, '-');
    let slug = base;
    while (anchors.includes(slug)) {
      const n = (counts.get(base) ?? 0) + 1;
      counts.set(base, n);
      slug = `${base}-${n}`;
    }
    anchors.push(slug);
  }
  return anchors;
}

/** Every link destination `](…)` of a page outside fenced code. */
export function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, '');
  return [...prose.matchAll(/\]\(([^)\s]*)\)/g)].map((match) => match[1]!);
}

/**
 * The broken links of a set of pages, as `page -> target` lines: a link must be relative, name a
 * page of the set (resolved from the linking page's folder) and, with `#anchor`, a heading there.
 */
export function brokenLinks(files: readonly OutputFile[]): string[] {
  const anchors = new Map(files.map((file) => [file.path, headingAnchors(file.contents)]));
  const broken: string[] = [];
  for (const file of files) {
    for (const target of linkTargets(file.contents)) {
      const [pathPart, anchor] = target.split('#') as [string, string | undefined];
      const isRelative = pathPart === '' || pathPart.startsWith('./') || pathPart.startsWith('../');
      const resolved = pathPart === '' ? file.path : posix.join(posix.dirname(file.path), pathPart);
      const pageAnchors = anchors.get(resolved);
      const ok =
        isRelative &&
        pageAnchors !== undefined &&
        (anchor === undefined || pageAnchors.includes(anchor));
      if (!ok) broken.push(`${file.path} -> ${target}`);
    }
  }
  return broken;
}
