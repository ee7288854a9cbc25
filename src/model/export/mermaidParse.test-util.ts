// Reading Mermaid back with Mermaid's own parser, for the export tests. The
// caller's test file must run in a DOM environment (jsdom): Mermaid sanitises
// labels with DOMPurify.
import mermaid from 'mermaid';

export interface ParsedVertex {
  id: string;
  lines: string[];
  type: string;
  classes: string[];
}
export interface ParsedEdge {
  start: string;
  end: string;
  text: string;
  stroke: string;
}

// What a browser shows for a label Mermaid parsed: Mermaid keeps entity codes
// as placeholders (see its encodeEntities) and turns them into HTML entities
// when it renders the label as HTML. Anything but text and <br> in that HTML
// would be markup smuggled in through a name, so it fails the test.
function renderedLines(text: string): string[] {
  const html = text.replace(/\uFB02\u00B0\u00B0/g, '&#').replace(/\uFB02\u00B0/g, '&').replace(/\u00B6\u00DF/g, ';');
  const container = document.createElement('div');
  container.innerHTML = html;
  const lines = [''];
  for (const node of container.childNodes) {
    if (node.nodeName === 'BR') lines.push('');
    else if (node.nodeType === Node.TEXT_NODE) lines[lines.length - 1] += node.textContent;
    else throw new Error(`label holds markup: ${node.nodeName} in ${JSON.stringify(text)}`);
  }
  return lines;
}

// Mermaid cannot draw an empty label: the export writes a zero-width space.
export const shown = (label: string) => (label === '' ? '\u200B' : label);

export async function parseFlowchart(source: string): Promise<{ vertices: ParsedVertex[]; edges: ParsedEdge[]; type: string }> {
  // parse() also registers the diagram types getDiagramFromText needs.
  await mermaid.parse(source);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  // The flowchart database is not in Mermaid's public types.
  const db = diagram.db as unknown as {
    getVertices(): Map<string, { id: string; text: string; type: string; classes: string[] }>;
    getEdges(): Array<{ start: string; end: string; text: string; stroke: string }>;
  };
  return {
    type: diagram.type,
    vertices: [...db.getVertices().values()].map((v) => ({
      id: v.id,
      lines: renderedLines(v.text),
      type: v.type,
      classes: v.classes,
    })),
    edges: db.getEdges().map((e) => ({ start: e.start, end: e.end, text: e.text, stroke: e.stroke })),
  };
}
