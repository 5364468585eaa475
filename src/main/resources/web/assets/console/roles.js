// Administration: roles and what each may do (#/roles, #/roles/<code>), for those who may manage roles. A role's
// permissions are checkboxes grouped by area, each with its description in the language on screen; saving sends
// exactly the checked set (PUT /v1/admin/roles/{code}/permissions). The administrators' role is protected: what it
// has cannot be taken away (the service refuses with role_protected), so those boxes are not offered.

import { bdi, el } from '../common/dom.js';

export async function renderRoles(ctx, container, [code]) {
  const { t, formats } = ctx;
  const [roles, permissions] = await Promise.all([
    ctx.api.get('/v1/admin/roles').then((r) => r.items),
    ctx.api.get('/v1/admin/permissions').then((p) => p.items),
  ]);
  const chosen = roles.find((r) => r.code === code);
  const list = el('table', { class: 'roles-table' },
    el('caption', { class: 'sr-only' }, t('console.roles.caption')),
    el('thead', {}, el('tr', {}, ['name', 'holders', 'permissions'].map((c) => el('th', { scope: 'col' }, t(`console.roles.column.${c}`))))),
    el('tbody', {}, roles.map((role) => el('tr', { 'data-role': role.code, class: role.code === code ? 'selected' : null },
      el('td', {}, el('a', { href: `#/roles/${role.code}`, 'aria-current': role.code === code ? 'page' : null }, role.name),
        role.isProtected ? [' ', el('span', { class: 'badge' }, t('console.roles.protected'))]
          : role.isSystem ? [' ', el('span', { class: 'badge' }, t('console.roles.system'))] : null),
      el('td', {}, bdi(formats.number(role.holders))),
      el('td', {}, bdi(formats.number(role.permissions.length)))))));
  container.replaceChildren(el('h1', {}, t('console.roles.title')),
    el('p', { class: 'muted' }, t('console.roles.hint')), list,
    chosen ? editor(ctx, chosen, permissions) : null);
  if (chosen) {
    container.querySelector('form.role-permissions h2').focus();
  }
}

function editor(ctx, role, permissions) {
  const { t } = ctx;
  const message = el('p', { class: 'alert', role: 'alert', hidden: true });
  const groups = new Map();
  for (const permission of permissions) {
    const area = permission.code.split('.')[0];
    if (!groups.has(area)) groups.set(area, []);
    groups.get(area).push(permission);
  }
  const boxes = [];
  const fieldsets = [...groups.entries()].map(([area, items]) => el('fieldset', { class: 'permission-group' },
    el('legend', {}, el('bdi', { dir: 'ltr' }, area)),
    items.map((permission) => {
      const has = role.permissions.includes(permission.code);
      const box = el('input', {
        type: 'checkbox', name: 'permission', value: permission.code, checked: has,
        // the protected role keeps what it has: the service would refuse taking it away
        disabled: role.isProtected && has,
      });
      boxes.push(box);
      return el('label', { class: 'check' }, box, ' ', permission.description, ' ',
        el('code', { class: 'muted', dir: 'ltr' }, permission.code));
    })));
  const save = el('button', { type: 'submit', class: 'primary' }, t('console.roles.save'));
  const form = el('form', { class: 'role-permissions card', 'data-role': role.code },
    el('h2', { tabindex: '-1' }, t('console.roles.editing', { role: role.name })),
    role.isProtected ? el('p', { class: 'note' }, t('console.roles.protected_hint')) : null,
    message, fieldsets, el('div', { class: 'actions' }, save, el('a', { class: 'button', href: '#/roles' }, t('console.roles.close'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    message.hidden = true;
    const checked = boxes.filter((b) => b.checked).map((b) => b.value);
    try {
      const saved = await ctx.api.put(`/v1/admin/roles/${encodeURIComponent(role.code)}/permissions`, { permissions: checked });
      ctx.announce(t('console.roles.saved', { role: saved.name, count: ctx.formats.number(saved.permissions.length) }));
      ctx.navigate(`#/roles/${role.code}`);
    } catch (error) {
      message.hidden = false;
      message.textContent = ctx.problem(error);
      save.disabled = false;
    }
  });
  return form;
}
