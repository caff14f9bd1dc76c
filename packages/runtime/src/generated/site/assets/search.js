// The search page: loads the prebuilt MiniSearch index shards (window.contractsSearchShards),
// joined into one index (search-shards.js) so scores compare across shards, searches it as the user
// types (and from ?q=), best score first, and moves through the results with the arrow keys. A
// hit's kind is shown by its label (data-kinds on the results list).
(function () {
  var input = document.getElementById('search-input');
  var results = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  if (!input || !results || !window.MiniSearch || !window.contractsSearchShards) return;
  var root = document.documentElement.getAttribute('data-root') || '';
  var kinds = JSON.parse(results.getAttribute('data-kinds') || '{}');
  var options = {
    fields: ['key', 'title', 'description', 'tags', 'fields', 'errors'],
    storeFields: ['key', 'title', 'kind', 'path'],
    tokenize: function (text) {
      return text.split(/[\s\p{P}]+/u).filter(Boolean);
    },
    searchOptions: {
      prefix: true,
      fuzzy: 0.1,
      combineWith: 'AND',
      boost: { key: 3, title: 2, errors: 2 },
    },
  };
  var merged = window.contractsMergeSearchShards
    ? window.contractsMergeSearchShards(window.contractsSearchShards)
    : null;
  var indexes = (merged ? [merged] : window.contractsSearchShards).map(function (shard) {
    return window.MiniSearch.loadJS(shard, options);
  });
  function search(query) {
    var hits = [];
    indexes.forEach(function (index) {
      hits = hits.concat(index.search(query));
    });
    // Equal scores in document order (a document's id is its spec's place in the IR).
    return hits.sort(function (a, b) {
      return b.score - a.score || a.id - b.id;
    });
  }
  var active = -1;
  function links() {
    return results.querySelectorAll('a');
  }
  function render(query) {
    results.textContent = '';
    active = -1;
    var hits = query.trim() ? search(query).slice(0, 50) : [];
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
      kind.textContent = kinds[hit.kind] || hit.kind;
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
