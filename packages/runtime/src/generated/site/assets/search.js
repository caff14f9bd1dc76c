// The search page: loads the prebuilt MiniSearch index (window.contractsSearchIndex), searches as
// the user types (and from ?q=), and moves through the results with the arrow keys.
(function () {
  var input = document.getElementById('search-input');
  var results = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  if (!input || !results || !window.MiniSearch || !window.contractsSearchIndex) return;
  var root = document.documentElement.getAttribute('data-root') || '';
  var index = window.MiniSearch.loadJS(window.contractsSearchIndex, {
    fields: ['key', 'title', 'description', 'tags', 'fields', 'errors'],
    storeFields: ['key', 'title', 'kind', 'path'],
    tokenize: function (text) {
      return text.split(/[\s\p{P}]+/u).filter(Boolean);
    },
    searchOptions: { prefix: true, fuzzy: 0.1, combineWith: 'AND', boost: { key: 3, title: 2, errors: 2 } },
  });
  var active = -1;
  function links() {
    return results.querySelectorAll('a');
  }
  function render(query) {
    results.textContent = '';
    active = -1;
    var hits = query.trim() ? index.search(query).slice(0, 50) : [];
    hits.forEach(function (hit) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + hit.path.split('/').map(encodeURIComponent).join('/').replace(/%40/g, '@');
      var key = document.createElement('code');
      key.textContent = hit.key;
      var title = document.createElement('span');
      title.className = 'result-title';
      title.textContent = ' ' + hit.title + ' ';
      var kind = document.createElement('span');
      kind.className = 'result-kind';
      kind.textContent = hit.kind;
      a.appendChild(key);
      a.appendChild(title);
      a.appendChild(kind);
      li.appendChild(a);
      results.appendChild(li);
    });
    status.textContent = query.trim() && hits.length === 0 ? status.getAttribute('data-none') : '';
  }
  function move(step) {
    var all = links();
    if (all.length === 0) return;
    active = Math.max(-1, Math.min(all.length - 1, active + step));
    if (active === -1) input.focus();
    else all[active].focus();
  }
  input.addEventListener('input', function () {
    render(input.value);
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(-1);
    } else if (event.key === 'Enter' && document.activeElement === input) {
      var first = links()[0];
      if (first) {
        event.preventDefault();
        first.click();
      }
    }
  });
  var params = new URLSearchParams(window.location.search);
  var query = params.get('q');
  if (query) {
    input.value = query;
    render(query);
  }
  input.focus();
})();
