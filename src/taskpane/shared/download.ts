/** Hands a file made in the pane to the browser as a download (an <a download> clicked once, its URL then released). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // the download has started from the URL; a later revoke keeps slow browsers from losing it
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
