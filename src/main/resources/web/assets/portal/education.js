// My materials: what the clinic's specialists gave this account's patient (and the patients who shared their record
// with it), newest first, each read or new, opened here (an article's text, a video's link, the PDF) and marked read.

import { bdi, el, written } from '../common/dom.js';

/** The patients whose materials this account may read: itself, and family who granted medical_records.read. */
export function educationPatients(me) {
  const own = me.patientId && me.permissions.includes('medical_records.read.own') ? [{ patientId: me.patientId, own: true }] : [];
  const family = (me.family || []).filter((f) => f.scopes.includes('medical_records.read') && f.patientId !== me.patientId);
  return own.concat(family);
}

export async function renderEducation(ctx, container) {
  const { t } = ctx;
  const patients = educationPatients(ctx.me);
  const lists = await Promise.all(patients.map((p) => ctx.api.get(`/v1/patients/${p.patientId}/education-materials`)));
  const count = el('span', { class: 'count' });
  const sections = patients.map((p, i) => section(ctx, p, lists[i].items, patients.length > 1, () => showCount()));
  container.replaceChildren(el('div', { class: 'screen-head' }, el('h1', { id: 'education-title' }, t('portal.education.title'), ' ', count)),
    ...sections);
  const showCount = () => {
    const unread = container.querySelectorAll('li.material.unread').length;
    count.textContent = unread ? t('portal.education.unread', { count: ctx.formats.number(unread) }) : '';
  };
  showCount();
}

function section(ctx, patient, items, titled, changed) {
  const { t } = ctx;
  const heading = titled && items.length ? ctx.name(items[0].patient.name) : null;
  const body = items.length
    ? el('ul', { class: 'materials', 'aria-labelledby': 'education-title' }, items.map((a) => item(ctx, patient, a, changed)))
    : el('p', { class: 'empty' }, t('portal.education.empty'));
  return el('section', { class: 'education' }, heading ? el('h2', {}, bdi(heading)) : null, body);
}

function item(ctx, patient, assignment, changed) {
  const { t, formats } = ctx;
  const m = assignment.material;
  const status = el('span', { class: 'badge' });
  const meta = el('p', { class: 'meta' });
  const node = el('li', { class: 'material', 'data-id': assignment.id });
  const actions = el('div', { class: 'actions' });
  const markRead = el('button', {
    type: 'button', class: 'link mark-read', onclick: async () => {
      markRead.disabled = true;
      try {
        const read = await ctx.api.post(`/v1/patients/${patient.patientId}/education-materials/${assignment.id}/read`, {});
        assignment.readAt = read.readAt;
        show();
        changed();
        ctx.announce(t('portal.education.marked_read'));
      } catch (error) {
        markRead.disabled = false;
        ctx.announce(ctx.problem(error));
      }
    },
  }, t('portal.education.mark_read'));
  const show = () => {
    const read = Boolean(assignment.readAt);
    node.className = read ? 'material read' : 'material unread';
    status.className = read ? 'badge read' : 'badge unread';
    status.textContent = read ? t('portal.education.read') : t('portal.education.new');
    const parts = [t('portal.education.given_by'), ' ', bdi(ctx.name(assignment.assignedBy.name)), ' · ',
      el('time', { datetime: assignment.assignedAt }, formats.date(assignment.assignedAt))];
    if (read) {
      parts.push(' · ', t('portal.education.read_on'), ' ', el('time', { datetime: assignment.readAt }, formats.date(assignment.readAt)));
    }
    meta.replaceChildren(...parts);
    // removed, not hidden: a styled button would still show under [hidden]
    actions.replaceChildren(...(read ? [] : [markRead]));
  };
  show();
  node.append(el('article', {},
    el('div', { class: 'material-head' }, written('h2', ctx.name(m.title)), status),
    el('p', { class: 'kind' }, t(`portal.education.kind.${m.kind}`)),
    written('p', ctx.name(m.summary), { class: 'summary' }),
    assignment.comment ? el('blockquote', { class: 'comment' }, written('p', assignment.comment)) : null,
    content(ctx, m),
    (m.tags || []).length ? el('p', { class: 'tags' }, m.tags.map((tag) => el('span', { class: 'tag', dir: 'auto' }, tag))) : null,
    meta,
    actions));
  return node;
}

/** The material itself: an article's text folded, a video's link (checked again here), the PDF fetched with the token. */
function content(ctx, m) {
  const { t } = ctx;
  if (m.kind === 'article') {
    return el('details', { class: 'article-body' }, el('summary', {}, t('portal.education.open_article')),
      written('div', ctx.name(m.body), { class: 'text' }));
  }
  if (m.kind === 'video') {
    const safe = /^https?:\/\//i.test(m.videoUrl || '');
    return safe ? el('p', {}, el('a', { href: m.videoUrl, target: '_blank', rel: 'noopener noreferrer', class: 'button' },
      t('portal.education.watch'))) : null;
  }
  const open = el('button', {
    type: 'button', class: 'button', onclick: async () => {
      try {
        const token = await ctx.session.accessToken();
        const answer = await fetch(`/v1/education/materials/${m.id}/file`, {
          headers: { Authorization: `Bearer ${token}`, 'Accept-Language': ctx.language },
        });
        if (!answer.ok) throw new Error(String(answer.status));
        const url = URL.createObjectURL(await answer.blob());
        window.open(url, '_blank', 'noopener');
        window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      } catch (error) {
        ctx.announce(t('portal.education.open_failed'));
      }
    },
  }, t('portal.education.open_pdf'));
  return el('p', {}, open);
}
