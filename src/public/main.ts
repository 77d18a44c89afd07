// Entry of /public (public.html): a few KB of plain TypeScript, no React, for an iframe on another site.
import './public.css';
import { publicLanguage, queryLanguage, speakLanguage } from './language';
import { describe, INITIAL_STATE, render, startPublicView } from './public-view';

const query = queryLanguage(window.location.search);
const browser = navigator.languages ?? [navigator.language];
const speak = (site: Parameters<typeof publicLanguage>[1]) => speakLanguage(publicLanguage(query, site, browser));

const root = document.getElementById('public-view');
// The first words (the loading line is the page's own) in the page's or the browser's language.
if (root !== null) {
  void speak(null)
    .catch(() => undefined)
    .then(() => {
      render(root, describe(INITIAL_STATE, Date.now()));
      startPublicView(root, { speak });
    });
}
