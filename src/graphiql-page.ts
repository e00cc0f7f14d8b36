// GraphiQL's page as Liner serves it: yoga's bundled GraphiQL (no CDN), laid out so the query editor gets most of the
// window's width instead of half of it.
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * The query editor's share of the width, against 1 for the response pane: GraphiQL's own starting split, the
 * `graphiql:editorFlex` preference it keeps in localStorage, which dragging the divider overwrites. At 1 (GraphiQL's
 * default) the editor had half the window, and the response pane, empty until a run, the other half, so the
 * examples' longer lines were cut at a laptop's width.
 */
export const EDITOR_SHARE = 2;

/**
 * Set before GraphiQL reads it, and only where the user has not chosen a split, so a dragged divider is kept. The page
 * fills the window (no body margin, full height), which GraphiQL's own CSS leaves to the host page.
 */
const HEAD = `
    <script>
      try {
        if (localStorage.getItem('graphiql:editorFlex') === null) localStorage.setItem('graphiql:editorFlex', '${EDITOR_SHARE}');
      } catch {}
    </script>
    <style>
      html, body, #root { margin: 0; width: 100%; height: 100%; }
    </style>`;

export function renderLinerGraphiQL(options?: GraphiQLOptions): string {
  const page = renderGraphiQL(options);
  const head = page.indexOf('<head>');
  if (head < 0) throw new Error('GraphiQL page without <head>: @graphql-yoga/render-graphiql changed its template');
  return `${page.slice(0, head + 6)}${HEAD}${page.slice(head + 6)}`;
}
