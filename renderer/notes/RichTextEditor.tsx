// A tiptap editor with the formatting analysts use: headings, bold/italic, lists, links, quotes.
// Content it cannot fully understand is shown read-only (editorSchema.ts), never blanked or saved over.
import type { Extensions } from '@tiptap/core';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import type { EditorProps } from '@tiptap/pm/view';
import { useMemo, useState } from 'react';
import { baseExtensions, checkContent, readOnlyNotice } from './editorSchema';
import './notes.css';

export { baseExtensions } from './editorSchema';

// Inline so the notice needs nothing from the stylesheets (which are being reworked separately).
const NOTICE_STYLE = { margin: 0, padding: '6px 10px', borderBottom: '1px solid var(--border)' } as const;

interface Props {
  content: string | null;
  placeholder?: string;
  extensions?: Extensions;
  editorProps?: EditorProps;
  className?: string;
  label: string;
  onChange(json: string, text: string): void;
  onBlur?(): void;
  onReady?(editor: Editor): void;
}

export function RichTextEditor({
  content,
  extensions = [],
  editorProps,
  className,
  label,
  onChange,
  onBlur,
  onReady,
}: Props) {
  const allExtensions = [...baseExtensions, ...extensions];
  // Content that arrives after the editor appeared (a note loaded a moment later, a change made elsewhere)
  // replaces it while the analyst has not typed in it: otherwise the empty editor stays, and the first keystroke
  // would save it over the note.
  const [shown, setShown] = useState(content);
  const [edited, setEdited] = useState(false);
  if (content !== shown && !edited) setShown(content);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const check = useMemo(() => checkContent(shown, allExtensions), [shown]);
  const readOnly = check.readOnlyReason !== null;
  const editor = useEditor(
    {
      extensions: allExtensions,
      content: check.display,
      editable: !readOnly,
      editorProps: {
        ...editorProps,
        attributes: { 'aria-label': label, 'aria-readonly': String(readOnly), class: `rich-text ${className ?? ''}` },
      },
      onUpdate: ({ editor: e }) => {
        if (readOnly) return;
        setEdited(true);
        onChange(JSON.stringify(e.getJSON()), e.getText({ blockSeparator: '\n' }));
      },
      onBlur: () => onBlur?.(),
      onCreate: ({ editor: e }) => onReady?.(e),
    },
    [check],
  );
  return (
    <div className="rich-editor">
      {readOnly && (
        <p className="rich-editor-notice muted" role="note" style={NOTICE_STYLE}>
          {readOnlyNotice(check.readOnlyReason!)}
        </p>
      )}
      {editor && !readOnly && <FormatBar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}

function FormatBar({ editor }: { editor: Editor }) {
  const button = (label: string, title: string, active: boolean, run: () => void) => (
    <button
      type="button"
      title={title}
      aria-label={title}
      aria-pressed={active}
      className={active ? 'active' : ''}
      onMouseDown={(e) => {
        e.preventDefault();
        run();
      }}
    >
      {label}
    </button>
  );
  const chain = () => editor.chain().focus();
  return (
    <div className="format-bar" role="toolbar" aria-label="Formatting">
      {button('B', 'Bold (Ctrl+B)', editor.isActive('bold'), () => chain().toggleBold().run())}
      {button('I', 'Italic (Ctrl+I)', editor.isActive('italic'), () => chain().toggleItalic().run())}
      {button('H2', 'Heading', editor.isActive('heading', { level: 2 }), () =>
        chain().toggleHeading({ level: 2 }).run(),
      )}
      {button('H3', 'Subheading', editor.isActive('heading', { level: 3 }), () =>
        chain().toggleHeading({ level: 3 }).run(),
      )}
      {button('•', 'Bulleted list', editor.isActive('bulletList'), () => chain().toggleBulletList().run())}
      {button('1.', 'Numbered list', editor.isActive('orderedList'), () => chain().toggleOrderedList().run())}
      {button('❝', 'Quote', editor.isActive('blockquote'), () => chain().toggleBlockquote().run())}
      {button('Link', 'Link', editor.isActive('link'), () => {
        const previous = editor.getAttributes('link').href as string | undefined;
        const href = window.prompt('Link address', previous ?? 'https://');
        if (href === null) return;
        if (href === '') chain().unsetLink().run();
        else chain().extendMarkRange('link').setLink({ href }).run();
      })}
    </div>
  );
}
