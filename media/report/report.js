// The corpus report's page script: swaps in a new report body when the extension sends one, and asks the
// extension to open a file when one of its names is clicked (or activated with the keyboard).
(function () {
  const vscode = acquireVsCodeApi();
  const main = document.getElementById('report');
  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg && msg.type === 'body' && typeof msg.html === 'string') {
      // The HTML is built by the extension with every text escaped; the policy runs no script in it.
      main.innerHTML = msg.html;
    }
  });
  main.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('[data-open]') : null;
    if (!link) { return; }
    event.preventDefault();
    vscode.postMessage({ type: 'open', uri: link.getAttribute('data-open') });
  });
}());
