// The watchlist's entities (GET /api/entities), loaded once: names for chips and the terms highlighted in snippets.
import { api } from './api.js';

let loading = null;

/** Map of entity id → { id, kind, name, last24Hours, last7Days }; empty when the API cannot answer. */
export function entityCatalog() {
  loading ??= api.entities()
    .then((answer) => new Map((answer?.items ?? []).map((item) => [item.id, item])))
    .catch(() => {
      loading = null;
      return new Map();
    });
  return loading;
}

export function entityName(catalog, id) {
  return catalog.get(id)?.name ?? id;
}

/**
 * The words a snippet may name an entity by: the full name and, for figures, each capitalised part of it ("Putin" of
 * "Vladimir Putin"), since snippets often use the surname alone.
 */
export function highlightTerms(catalog, ids) {
  const terms = [];
  for (const id of ids) {
    const entity = catalog.get(id);
    if (!entity) continue;
    terms.push(entity.name);
    if (entity.kind === 'figure') {
      terms.push(...entity.name.split(/\s+/).filter((part) => part.length > 2 && /^\p{Lu}/u.test(part)));
    }
  }
  return terms;
}
