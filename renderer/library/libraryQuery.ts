// What the library asks the API for: its filters and the arguments of one page of its order. Kept apart from the
// panel so that boot.ts can send the first page's request before React has loaded.
import type { ArgsOf } from '../../shared/api';
import type { AttributeFilter } from '../../shared/types';
import { gradesOfFilter } from '../grading/gradeFilters';

export type Sort = 'importedAt' | 'title' | 'outlet' | 'publishedAt' | 'length' | 'tagCount';

export interface Filters {
  sort: Sort;
  descending: boolean;
  outlet: string;
  collectionId: number | '';
  attribute: AttributeFilter | null;
  /** A grade filter id (grading/gradeFilters.ts), '' for any. */
  grade: string;
}

export const DEFAULT_FILTERS: Filters = {
  sort: 'importedAt',
  descending: false,
  outlet: '',
  collectionId: '',
  attribute: null,
  grade: '',
};

/** Documents fetched per request as the list scrolls (the first page fills the screen at start-up). */
export const PAGE = 60;

export function pageArgs(filters: Filters, offset: number): ArgsOf<'documents.page'> {
  return {
    sort: filters.sort,
    descending: filters.descending,
    offset,
    limit: PAGE,
    ...(filters.outlet ? { outlet: filters.outlet } : {}),
    ...(filters.collectionId !== '' ? { collectionId: filters.collectionId } : {}),
    ...(filters.attribute ? { attributes: [filters.attribute] } : {}),
    ...(filters.grade ? { reliability: gradesOfFilter(filters.grade)! } : {}),
  };
}
