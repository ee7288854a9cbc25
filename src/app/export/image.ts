// SVG and PNG of what the canvas shows, framed for a slide: React Flow's
// viewport element rendered by html-to-image with a transform that fits every
// node into 1920×1080 (the approach of React Flow's download-image example).
// The SVG keeps the nodes as HTML inside a foreignObject: browsers show it
// exactly like the canvas; the PNG is a plain bitmap for anything else.
import { toPng, toSvg } from 'html-to-image';
import { getNodesBounds, getViewportForBounds } from '@xyflow/react';
import { appStore } from '../../store/index.ts';

import { SLIDE_HEIGHT, SLIDE_WIDTH } from './slide.ts';

export { SLIDE_HEIGHT, SLIDE_WIDTH };
/** Small graphs are drawn larger, but not so large that a two-stage file fills a slide with one box. */
const MAX_ZOOM = 2;
const MIN_ZOOM = 0.05;
const PADDING = 0.06;

export type ImageFormat = 'svg' | 'png';

/** Controls drawn on the nodes for editing (connection handles) are not part of the picture. */
const leaveOut = (node: HTMLElement) => !(node.classList && node.classList.contains('react-flow__handle'));

// The SVG properties our edge and marker styles set (canvas.css).
const SVG_PROPERTIES = [
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'fill',
  'fill-opacity',
  'opacity',
  'visibility',
  'display',
];

/**
 * html-to-image copies each element's computed style onto its clone, but an
 * <svg> is cloned whole, so its children keep only their classes, which mean
 * nothing inside the picture: edges would lose their stroke. Write the computed
 * SVG properties onto them for the duration of the capture; returns the undo.
 */
function inlineSvgStyles(root: Element): () => void {
  const saved: Array<[Element, string | null]> = [];
  for (const element of root.querySelectorAll<SVGElement>('svg *')) {
    const computed = getComputedStyle(element);
    saved.push([element, element.getAttribute('style')]);
    for (const property of SVG_PROPERTIES) element.style.setProperty(property, computed.getPropertyValue(property));
  }
  return () => {
    for (const [element, style] of saved) {
      if (style === null) element.removeAttribute('style');
      else element.setAttribute('style', style);
    }
  };
}

/**
 * Properties that cannot change a still picture: motion, scrolling, input,
 * printing, and the logical (block/inline) aliases of physical properties the
 * picture already carries (our writing mode is horizontal).
 */
const NOT_IN_A_PICTURE =
  /^(-webkit-|animation|transition|scroll|overscroll|caret|cursor|pointer-events|interactivity|interest-|app-region|speak|orphans|widows|break-|page|counter|anchor|position-(anchor|area|try|visibility)|timeline|view-|container|contain-intrinsic|math-|ruby-|offset-|shape-|print-color|forced-color|field-sizing|scrollbar|resize|touch-action|user-select|will-change|hyphenate|initial-letter|reading-|column-rule|row-rule|rule-|dynamic-range|frame-sizing)|(-block|-inline|^block-size|^inline-size)/;

let pictureProperties: string[] | null = null;
/**
 * The computed properties copied onto each element of the picture. Custom
 * properties are left out (computed values already resolve var(), and the page
 * defines thousands, Monaco's --vscode-*), and so are properties that cannot
 * change a still picture: without these cuts a three-stage SVG weighs 7 MB.
 */
function styleProperties(): string[] {
  pictureProperties ??= [...getComputedStyle(document.documentElement)].filter((name) => !name.startsWith('--') && !NOT_IN_A_PICTURE.test(name));
  return pictureProperties;
}

/**
 * html-to-image paints the background on the captured element, which the
 * framing transform moves and scales; the PNG gets a full canvas fill, the SVG
 * needs a rectangle under everything to match.
 */
function withBackground(svg: string, color: string): string {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  if (doc.querySelector('parsererror')) return svg;
  const rect = doc.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', color);
  doc.documentElement.insertBefore(rect, doc.documentElement.firstChild);
  return new XMLSerializer().serializeToString(doc);
}

export async function renderCanvasImage(format: ImageFormat): Promise<Blob> {
  const canvas = document.querySelector<HTMLElement>('[data-testid="canvas"]');
  const viewport = canvas?.querySelector<HTMLElement>('.react-flow__viewport');
  const flow = canvas?.querySelector<HTMLElement>('.react-flow');
  if (!canvas || !viewport || !flow) throw new Error('The canvas is not on the page.');
  const nodes = appStore()
    .getState()
    .nodes.filter((node) => !node.hidden && node.measured?.width);
  if (nodes.length === 0) throw new Error('There is nothing on the canvas to export yet.');

  const bounds = getNodesBounds(nodes);
  const { x, y, zoom } = getViewportForBounds(bounds, SLIDE_WIDTH, SLIDE_HEIGHT, MIN_ZOOM, MAX_ZOOM, PADDING);
  const options = {
    width: SLIDE_WIDTH,
    height: SLIDE_HEIGHT,
    pixelRatio: 1,
    backgroundColor: getComputedStyle(flow).backgroundColor,
    // System fonts only (app.css): nothing to embed, and no stylesheet fetches.
    skipFonts: true,
    filter: leaveOut,
    includeStyleProperties: styleProperties(),
    style: { width: `${SLIDE_WIDTH}px`, height: `${SLIDE_HEIGHT}px`, transform: `translate(${x}px, ${y}px) scale(${zoom})` },
  };

  // The edges' arrowheads are <marker>s defined beside React Flow (canvas/DependencyEdge.tsx),
  // outside the viewport: lend the picture a copy while it is taken.
  const markers = canvas.querySelector('.sw-edge-markers')?.cloneNode(true) ?? null;
  if (markers) viewport.prepend(markers);
  const restoreSvgStyles = inlineSvgStyles(viewport);
  try {
    if (format === 'svg') {
      const url = await toSvg(viewport, options);
      const svg = withBackground(decodeURIComponent(url.slice(url.indexOf(',') + 1)), options.backgroundColor);
      return new Blob([svg], { type: 'image/svg+xml' });
    }
    const url = await toPng(viewport, options);
    return await (await fetch(url)).blob();
  } finally {
    restoreSvgStyles();
    if (markers) (markers as ChildNode).remove();
  }
}
