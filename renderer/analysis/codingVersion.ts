import { useCallback, useState } from 'react';
import type { ChangeSet } from '../../shared/types';
import { useChanges } from '../store/hooks';

/** Bumps when an edit could change a query over coded passages (tags, highlights, notes, documents). */
export function useCodingVersion(): number {
  const [version, setVersion] = useState(0);
  useChanges(
    useCallback((changes: ChangeSet) => {
      if (changes.highlights || changes.tags || changes.notes || changes.documents) setVersion((v) => v + 1);
    }, []),
  );
  return version;
}
