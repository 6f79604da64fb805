/**
 * The 1-based pages a span of a document's text overlaps, ascending, given where each page
 * starts (`pageStarts[n]` for page n + 1, ascending); empty when the document has no pages.
 * An empty page (its start equal to the next one's) is never counted.
 */
export function pagesOfSpan(
  start: number,
  end: number,
  pageStarts: readonly number[],
  textLength: number,
): number[] {
  const pages: number[] = [];
  pageStarts.forEach((pageStart, index) => {
    const pageEnd = pageStarts[index + 1] ?? textLength;
    if (pageStart < pageEnd && start < pageEnd && end > pageStart) pages.push(index + 1);
  });
  return pages;
}
