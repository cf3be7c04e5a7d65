/*
 * What other services' tests may use of search, on purpose: the search service running in-process on storage of
 * its own, with data fixtures and real tokens (`@tripwise/search/testing`). Nothing else of search's is reachable
 * from another workspace (the lint rule workspace-boundaries enforces it).
 */
export * from './given-search-data.ts';
// The booking seed's own tests seed an inventory the way search does, to book from it.
export { seedInventory } from '../src/domain/inventory/seed-inventory.ts';
export type { InventoryScale } from '../src/domain/inventory/inventory-scale.ts';
export { quoteItems } from '../src/domain/holds/quote.use-case.ts';
