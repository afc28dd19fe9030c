// The review workspace: one page, its view chosen by the address's hash; every string from the API becomes text.
import { api } from './api.js';
import { renderArticle } from './article.js';
import { renderEntity } from './entity.js';
import { renderFeeds } from './feeds.js';
import { installKeys, setKeys } from './keys.js';
import { currentRoute, visit } from './route.js';
import { renderSearch } from './search.js';
import { renderStream } from './stream.js';
import { showError, hideStatus } from './status.js';

const main = document.getElementById('main');
let shown = null;
let rendering = 0;

async function render() {
  const route = currentRoute();
  const ticket = ++rendering;
  visit.previous = shown;
  shown = route.view;
  setKeys({});
  for (const link of document.querySelectorAll('nav a')) {
    const current = link.dataset.view === route.view || (link.dataset.view === 'stream' && route.view !== 'feeds' && route.view !== 'search');
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  main.setAttribute('aria-busy', 'true');
  const current = () => ticket === rendering;
  try {
    if (route.view === 'article') await renderArticle(main, route.id, current);
    else if (route.view === 'entity') await renderEntity(main, route.id, current);
    else if (route.view === 'feeds') await renderFeeds(main, current);
    else if (route.view === 'search') await renderSearch(main, route.params, current);
    else await renderStream(main, route.params, current);
  } catch (error) {
    showError(error);
  } finally {
    if (ticket === rendering) main.setAttribute('aria-busy', 'false');
  }
}

async function showReviewer() {
  try {
    const status = await api.status();
    document.getElementById('reviewer').textContent = `Reviewing as ${status.reviewer}`;
    if ((status.configurationProblems ?? []).length > 0) {
      document.getElementById('reviewer').append(' · ', Object.assign(document.createElement('a'), { href: '#/feeds', textContent: 'configuration problems' }));
    }
  } catch (error) {
    showError(error);
  }
}

installKeys();
window.addEventListener('hashchange', () => {
  hideStatus();
  render();
});
render();
showReviewer();
