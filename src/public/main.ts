// Entry of /public (public.html): a few KB of plain TypeScript, no React, for an iframe on another site.
import './public.css';
import { startPublicView } from './public-view';

const root = document.getElementById('public-view');
if (root !== null) startPublicView(root);
