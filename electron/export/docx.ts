// Memo → DOCX with the `docx` library (well kept, writes real Word footnotes rather than imitations).
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { JsonNode } from '../memo/draft.js';
import {
  chartOf,
  evidenceCaption,
  evidenceCellText,
  evidenceOf,
  memoLinkText,
  regionImage,
  sourceLine,
  type MemoModel,
} from './model.js';

/** Widest a region image is drawn in a Word memo, in pixels (about 12 cm). */
const DOCX_IMAGE_WIDTH = 450;

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

export async function memoToDocx(model: MemoModel): Promise<Buffer> {
  const footnotes = Object.fromEntries(
    model.footnotes.map((f) => [
      f.number,
      {
        children: [new Paragraph({ children: [new TextRun(`${sourceLine(f)}. “${f.quote}”`)] })],
      },
    ]),
  );
  const document = new Document({
    title: model.title,
    creator: 'Gloss',
    footnotes,
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: model.blocks.flatMap((b) => paragraphs(b, model, 0)) }],
  });
  return Packer.toBuffer(document);
}

function paragraphs(node: JsonNode, model: MemoModel, depth: number): (Paragraph | Table)[] {
  switch (node.type) {
    case 'heading':
      return [
        new Paragraph({
          heading: HEADINGS[Math.min(5, Math.max(0, Number(node.attrs?.level ?? 1) - 1))],
          children: runs(node, model),
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ children: runs(node, model) })];
    case 'blockquote':
      return (node.content ?? []).map(
        (c) => new Paragraph({ indent: { left: 720 }, children: runs(c, model, { italics: true }) }),
      );
    case 'bulletList':
    case 'orderedList':
      return (node.content ?? []).flatMap((item) =>
        (item.content ?? []).flatMap((child, i) => {
          if (child.type === 'bulletList' || child.type === 'orderedList') return paragraphs(child, model, depth + 1);
          const marker =
            i > 0
              ? { indent: { left: 720 * (depth + 1) } }
              : node.type === 'bulletList'
                ? { bullet: { level: depth } }
                : { numbering: { reference: 'ordered', level: depth } };
          return [new Paragraph({ ...marker, children: runs(child, model) })];
        }),
      );
    case 'codeBlock':
      return [
        new Paragraph({
          children: [
            new TextRun({ text: (node.content ?? []).map((c) => c.text ?? '').join(''), font: 'Courier New' }),
          ],
        }),
      ];
    case 'horizontalRule':
      return [new Paragraph({ thematicBreak: true })];
    case 'citation': {
      const f = model.footnoteFor.get(node)!;
      const image = regionImage(f);
      const scale = image ? Math.min(1, DOCX_IMAGE_WIDTH / image.width) : 1;
      return [
        ...(image
          ? [
              new Paragraph({
                indent: { left: 720, right: 360 },
                children: [
                  new ImageRun({
                    type: 'png',
                    data: image.png,
                    transformation: { width: image.width * scale, height: image.height * scale },
                    altText: { name: `Region on page ${image.page}`, description: f.quote, title: 'Region' },
                  }),
                ],
              }),
            ]
          : []),
        new Paragraph({
          indent: { left: 720, right: 360 },
          children: [new TextRun({ text: `“${f.quote}”`, italics: true }), new FootnoteReferenceRun(f.number)],
        }),
      ];
    }
    case 'evidenceTable':
      return evidenceTable(node);
    case 'chartImage':
      return chartFigure(node);
    default:
      return [new Paragraph({ children: runs(node, model) })];
  }
}

/** Widest a chart is drawn in a Word memo, in pixels (the text width of an A4 or Letter page, about 16 cm). */
const DOCX_CHART_WIDTH = 600;

function chartFigure(node: JsonNode): Paragraph[] {
  const chart = chartOf(node);
  if (!chart) return [];
  const scale = Math.min(1, DOCX_CHART_WIDTH / chart.width);
  return [
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: chart.png,
          transformation: { width: chart.width * scale, height: chart.height * scale },
          altText: { name: 'Chart', description: chart.caption, title: chart.caption },
        }),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: `Figure: ${chart.caption}`, italics: true, size: 18 })] }),
  ];
}

/** A Word table: claims down, sources across, the grade in each cell; the caption below it. */
function evidenceTable(node: JsonNode): (Paragraph | Table)[] {
  const t = evidenceOf(node);
  if (!t) return [];
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: ['Claim', ...t.sources].map((h) => cell(String(h), true)) }),
      ...t.rows.map(
        (r) =>
          new TableRow({ children: [cell(r.claim), ...t.sources.map((_, i) => cell(evidenceCellText(r.cells[i])))] }),
      ),
    ],
  });
  return [table, new Paragraph({ children: [new TextRun({ text: evidenceCaption(t), italics: true, size: 18 })] })];
}

function runs(node: JsonNode, model: MemoModel, base: IRunOptions = {}): ParagraphChild[] {
  return (node.content ?? []).flatMap((child): ParagraphChild[] => {
    if (child.type === 'hardBreak') return [new TextRun({ ...base, break: 1 })];
    if (child.type === 'memoLink') return [new TextRun({ ...base, text: memoLinkText(child, model), italics: true })];
    if (child.type !== 'text') return runs(child, model, base);
    const marks = new Set((child.marks ?? []).map((m) => m.type));
    const run = new TextRun({
      ...base,
      text: child.text ?? '',
      bold: marks.has('bold') || undefined,
      italics: marks.has('italic') || base.italics,
      strike: marks.has('strike') || undefined,
    });
    const link = child.marks?.find(
      (m) => m.type === 'link' && typeof m.attrs?.href === 'string' && /^https?:/i.test(String(m.attrs.href)),
    );
    return [link ? new ExternalHyperlink({ link: String(link.attrs!.href), children: [run] }) : run];
  });
}
