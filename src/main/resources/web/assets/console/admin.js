// Administration: the accounts with their roles; those who may manage roles grant and take them back here.

import { bdi, el, field } from '../common/dom.js';

export async function renderAdmin(ctx, container, [q]) {
  const { t } = ctx;
  const manage = ctx.can('roles.manage');
  const [users, roles] = await Promise.all([
    ctx.api.get('/v1/admin/users', { q: q || undefined, limit: 100 }),
    manage ? ctx.api.get('/v1/admin/roles').then((r) => r.items) : Promise.resolve([]),
  ]);
  const roleName = new Map(roles.map((r) => [r.code, r.name]));
  const message = el('p', { class: 'alert', role: 'alert', hidden: true });
  const search = el('input', { type: 'search', name: 'q', value: q || '', dir: 'auto' });
  const form = el('form', { class: 'toolbar', role: 'search' }, field(t('console.admin.search'), search),
    el('button', { type: 'submit' }, t('console.admin.find')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate(`#/admin/${encodeURIComponent(search.value.trim())}`);
  });
  const act = async (call, done) => {
    try {
      await call();
      ctx.announce(done);
      ctx.navigate(window.location.hash);
    } catch (error) {
      message.hidden = false;
      message.textContent = ctx.problem(error);
    }
  };
  const rows = users.items.map((user) => {
    const rolesCell = el('div', { class: 'roles' }, user.roles.map((code) => el('span', { class: 'role badge' },
      roleName.get(code) || code,
      manage ? el('button', {
        type: 'button', 'data-role': code, 'aria-label': t('console.admin.revoke', { role: roleName.get(code) || code, name: user.name || '' }),
        onclick: () => act(() => ctx.api.delete(`/v1/admin/users/${user.id}/roles/${code}`), t('console.admin.revoked')),
      }, '×') : null)));
    let grant = null;
    if (manage) {
      const select = el('select', { 'aria-label': t('console.admin.grant_label', { name: user.name || '' }) },
        el('option', { value: '' }, t('console.admin.grant_choose')),
        roles.filter((r) => !user.roles.includes(r.code)).map((r) => el('option', { value: r.code }, r.name)));
      grant = el('div', { class: 'grant' }, select, el('button', {
        type: 'button', onclick: () => select.value && act(() => ctx.api.put(`/v1/admin/users/${user.id}/roles/${select.value}`), t('console.admin.granted')),
      }, t('console.admin.grant')));
    }
    return el('tr', { 'data-id': user.id },
      el('td', {}, bdi(user.name || ''), user.isActive ? null : el('span', { class: 'badge cancelled' }, t('console.admin.inactive'))),
      el('td', {}, user.email ? el('bdi', { dir: 'ltr' }, user.email) : '', user.email && user.phone ? el('br') : null,
        user.phone ? el('bdi', { dir: 'ltr' }, user.phone) : ''),
      el('td', {}, rolesCell, grant));
  });
  container.replaceChildren(el('h1', {}, t('console.admin.title')), form, message,
    el('table', {},
      el('caption', { class: 'sr-only' }, t('console.admin.caption')),
      el('thead', {}, el('tr', {}, ['name', 'contact', 'roles'].map((c) => el('th', { scope: 'col' }, t(`console.admin.column.${c}`))))),
      el('tbody', {}, rows)));
}
