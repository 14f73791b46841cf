// The first script the page runs, before the app's own code has even been fetched: it sends the reads the first
// screen waits for (the library's first page and its filters, the project, the codebook), so that they travel while
// the app loads.
import { sendEarly } from './api/transport';
import { DEFAULT_FILTERS, pageArgs } from './library/libraryQuery';

sendEarly('documents.page', pageArgs(DEFAULT_FILTERS, 0));
sendEarly('project.info', {});
sendEarly('documents.outlets', {});
sendEarly('collections.list', {});
sendEarly('tags.list', {});
sendEarly('attributes.definitions', {});
