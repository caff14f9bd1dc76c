// Draws the sidebar from window.contractsNav, marks the current page, wires the theme and menu
// buttons and the "/" shortcut. Paths in the nav data are relative to the locale folder.
(function () {
  var html = document.documentElement;
  var root = html.getAttribute('data-root') || '';
  var page = html.getAttribute('data-page') || '';
  var nav = window.contractsNav;
  var tree = document.getElementById('sidebar-tree');
  function link(path, text) {
    var a = document.createElement('a');
    a.href = root + path.split('/').map(encodeURIComponent).join('/').replace(/%40/g, '@');
    a.textContent = text;
    if (path === page) a.setAttribute('aria-current', 'page');
    return a;
  }
  if (nav && tree) {
    var list = document.createElement('ul');
    list.className = 'sidebar-domains';
    nav.domains.forEach(function (domain) {
      var item = document.createElement('li');
      var details = document.createElement('details');
      var here = page.indexOf(domain.title + '/') === 0;
      details.open = here || nav.domains.length === 1;
      var summary = document.createElement('summary');
      summary.textContent = domain.title;
      details.appendChild(summary);
      var overview = document.createElement('p');
      overview.className = 'sidebar-overview';
      overview.appendChild(link(domain.path, nav.overview));
      details.appendChild(overview);
      domain.kinds.forEach(function (kind) {
        var heading = document.createElement('p');
        heading.className = 'sidebar-kind';
        heading.textContent = kind.title;
        details.appendChild(heading);
        var specs = document.createElement('ul');
        kind.items.forEach(function (spec) {
          var li = document.createElement('li');
          var a = link(spec.path, spec.title);
          a.title = spec.key;
          li.appendChild(a);
          specs.appendChild(li);
        });
        details.appendChild(specs);
      });
      item.appendChild(details);
      list.appendChild(item);
    });
    tree.appendChild(list);
    var current = tree.querySelector('[aria-current="page"]');
    if (current && current.scrollIntoView) current.scrollIntoView({ block: 'nearest' });
  }
  var toggle = document.querySelector('.theme-toggle');
  function dark() {
    var set = html.getAttribute('data-theme');
    if (set) return set === 'dark';
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  }
  if (toggle) {
    toggle.setAttribute('aria-pressed', String(dark()));
    toggle.addEventListener('click', function () {
      var next = dark() ? 'light' : 'dark';
      html.setAttribute('data-theme', next);
      toggle.setAttribute('aria-pressed', String(next === 'dark'));
      try {
        window.localStorage.setItem('contracts-theme', next);
      } catch (e) {
        /* not saved: the choice lasts for this page */
      }
    });
  }
  var menu = document.querySelector('.nav-toggle');
  var sidebar = document.getElementById('sidebar');
  if (menu && sidebar) {
    menu.addEventListener('click', function () {
      var open = sidebar.classList.toggle('open');
      menu.setAttribute('aria-expanded', String(open));
    });
  }
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA');
    if (event.key === '/' && !typing) {
      var box = document.getElementById('search-input') || document.getElementById('site-search');
      if (box) {
        event.preventDefault();
        box.focus();
      }
    }
  });
})();
