// Floating toolbars: one over a fresh text selection, one over the selected highlight.
import type { Highlight } from '../../shared/types';
import { CommandButton } from '../commands/CommandButton';
import { TagChip, TagPicker } from '../tags/TagPicker';
import type { HighlightActions } from './actions';
import { DEFAULT_HIGHLIGHT_COLOR } from './paint';
import type { Annotations } from './useAnnotations';

const SWATCHES = ['#f2c14e', '#81c995', '#7cb7e8', '#f28b82', '#c58af9'];

function position(rect: DOMRect): React.CSSProperties {
  const top = rect.top > 70 ? rect.top - 46 : rect.bottom + 8;
  return { top, left: Math.max(8, Math.min(rect.left, window.innerWidth - 420)) };
}

interface SelectionToolbarProps {
  rect: DOMRect;
  onHighlight(): void;
  onTag(): void;
  onInVivo?(): void;
  onMove?(): void;
}

export function SelectionToolbar({ rect, onHighlight, onTag, onInVivo, onMove }: SelectionToolbarProps) {
  return (
    <div
      className="floating-toolbar"
      role="toolbar"
      aria-label="Selection"
      style={position(rect)}
      onMouseDown={(e) => e.preventDefault()}
    >
      <button type="button" onClick={onHighlight} title="Highlight (H)">
        <span className="swatch" style={{ background: DEFAULT_HIGHLIGHT_COLOR }} />
        Highlight <kbd>H</kbd>
      </button>
      <button type="button" onClick={onTag} title="Highlight and tag (T)">
        Tag… <kbd>T</kbd>
      </button>
      {onInVivo && (
        <button type="button" onClick={onInVivo} title="Tag with these words as the tag's name (V)">
          In vivo <kbd>V</kbd>
        </button>
      )}
      {onMove && (
        <button type="button" onClick={onMove} title="Move the selected highlight here (M)">
          Move highlight here <kbd>M</kbd>
        </button>
      )}
    </div>
  );
}

interface HighlightToolbarProps {
  rect: DOMRect;
  highlight: Highlight;
  annotations: Annotations;
  actions: HighlightActions;
  tagging: boolean;
  setTagging(on: boolean): void;
}

export function HighlightToolbar({
  rect,
  highlight,
  annotations,
  actions,
  tagging,
  setTagging,
}: HighlightToolbarProps) {
  const tags = highlight.tagIds.map((id) => annotations.tagsById.get(id)).filter((t) => t !== undefined);
  return (
    <div className="floating-toolbar highlight-toolbar" role="toolbar" aria-label="Highlight" style={position(rect)}>
      {tags.map((t) => (
        <TagChip
          key={t.id}
          tag={t}
          onRemove={() =>
            void actions.setTags(
              highlight,
              highlight.tagIds.filter((id) => id !== t.id),
            )
          }
        />
      ))}
      {tagging ? (
        <div className="toolbar-picker">
          <TagPicker
            tags={annotations.tags}
            exclude={highlight.tagIds}
            autoFocus
            onPick={(name) => void actions.tagByName(highlight, name, annotations.tags)}
            onClose={() => setTagging(false)}
          />
        </div>
      ) : (
        <button type="button" onClick={() => setTagging(true)} title="Add a tag (T)">
          + Tag <kbd>T</kbd>
        </button>
      )}
      <span className="toolbar-sep" />
      {SWATCHES.map((c) => (
        <button
          key={c}
          type="button"
          className="swatch-button"
          aria-label={`Colour ${c}`}
          title="Colour"
          onClick={() => void actions.setColor(highlight, c)}
        >
          <span className="swatch" style={{ background: c }} />
        </button>
      ))}
      <span className="toolbar-sep" />
      <CommandButton command="highlight.cite" title="Cite this passage in the open memo">
        Cite
      </CommandButton>
      <CommandButton command="highlight.delete" className="danger" title="Delete highlight">
        Delete
      </CommandButton>
    </div>
  );
}
