// Schema 5: the library's sorts and its outlet filter read an index, not every document. Without them, listing the
// outlets or sorting by title scanned each row past its text (overflow pages): 350–470 ms at 100,000 documents,
// while every other request waited behind it.
export const migration005 = `
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_outlet_sort ON documents(outlet COLLATE NOCASE, id);
CREATE INDEX documents_title ON documents(title COLLATE NOCASE, id);
CREATE INDEX documents_published ON documents(published_at, id);
CREATE INDEX documents_length ON documents(length(text), id);
`;
