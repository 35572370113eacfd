/** Saves text as a file through a temporary Blob link: no server, nothing else included. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; give the browser a moment anyway.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const MARKDOWN_TYPE = 'text/markdown;charset=utf-8';
export const IPYNB_TYPE = 'application/x-ipynb+json';
