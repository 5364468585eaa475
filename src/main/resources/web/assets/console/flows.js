// The chatbot's flows (#/flows, #/flows/<key>/<version>): every version, a draft edited as JSON, the
// validator's problems listed under the node they are about (a problem's button selects that node in the
// text), a new draft from any version, and publishing (a flow with problems is refused with the same list).

import { ApiError } from '../common/api.js';
import { bdi, el, field } from '../common/dom.js';

export async function renderFlows(ctx, container, [key, version]) {
  if (key && /^\d+$/.test(version || '')) {
    return renderFlow(ctx, container, key, Number(version));
  }
  const { t, formats } = ctx;
  const list = (await ctx.api.get('/v1/chat/flows')).items;
  container.replaceChildren(el('h1', {}, t('console.flows.title')),
    list.length ? el('div', { class: 'table-scroll' }, el('table', { class: 'flows' },
      el('caption', { class: 'sr-only' }, t('console.flows.title')),
      el('thead', {}, el('tr', {}, ['key', 'version', 'status', 'updated'].map((c) => el('th', { scope: 'col' }, t(`console.flows.column.${c}`))))),
      el('tbody', {}, list.map((f) => el('tr', { 'data-key': f.key, 'data-version': f.version },
        el('th', { scope: 'row' }, el('a', { href: `#/flows/${f.key}/${f.version}` }, el('code', {}, f.key))),
        el('td', {}, bdi(formats.number(f.version))),
        el('td', {}, el('span', { class: `badge flow-${f.status}` }, t(`console.flows.status.${f.status}`))),
        el('td', {}, bdi(formats.dateTime(f.updatedAt || f.createdAt))))))))
      : el('p', { class: 'empty' }, t('console.flows.none')));
}

async function renderFlow(ctx, container, key, version) {
  const { t, formats } = ctx;
  const flow = await ctx.api.get(`/v1/chat/flows/${encodeURIComponent(key)}/versions/${version}`);
  const draft = flow.status === 'draft';
  const editor = el('textarea', {
    name: 'definition', class: 'code', rows: '24', dir: 'ltr', spellcheck: 'false', readonly: draft ? null : true,
  });
  editor.value = JSON.stringify(flow.definition, null, 2);
  const message = el('div', { class: 'alert', role: 'alert', hidden: true });
  const problemsBox = el('section', { class: 'problems', 'aria-labelledby': 'problems-title', 'aria-live': 'polite' });
  const parse = () => {
    try {
      return JSON.parse(editor.value);
    } catch (error) {
      message.hidden = false;
      message.textContent = t('console.flows.not_json', { detail: error.message });
      editor.focus();
      return null;
    }
  };
  const show = (problems) => drawProblems(ctx, problemsBox, problems, editor);
  const save = async () => {
    const definition = parse();
    if (!definition) return false;
    const saved = await ctx.api.call('PUT', `/v1/chat/flows/${encodeURIComponent(key)}/versions/${version}`, {
      body: { definition }, headers: { 'If-Match': `"${flow.rowVersion}"` },
    });
    Object.assign(flow, saved);
    return true;
  };
  const act = (label, className, work) => el('button', {
    type: 'button', class: className,
    onclick: async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      message.hidden = true;
      try {
        await work();
      } catch (error) {
        if (error instanceof ApiError && Array.isArray(error.problem.problems)) {
          show(error.problem.problems);
        }
        message.hidden = false;
        message.textContent = ctx.problem(error);
      } finally {
        button.disabled = false;
      }
    },
  }, label);
  const validate = async () => {
    if (draft && !(await save())) return;
    const result = await ctx.api.post(`/v1/chat/flows/${encodeURIComponent(key)}/versions/${version}/validate`);
    show(result.problems);
    ctx.announce(result.valid ? t('console.flows.valid') : t('console.flows.invalid', { count: formats.number(result.problems.length) }));
  };
  const buttons = draft ? [
    act(t('console.flows.save'), '', async () => { if (await save()) ctx.announce(t('console.flows.saved')); }),
    act(t('console.flows.validate'), '', validate),
    act(t('console.flows.publish'), 'primary', async () => {
      if (!(await save())) return;
      await ctx.api.call('POST', `/v1/chat/flows/${encodeURIComponent(key)}/versions/${version}/publish`,
        { headers: { 'If-Match': `"${flow.rowVersion}"` } });
      ctx.announce(t('console.flows.published'));
      ctx.navigate('#/flows');
    }),
  ] : [
    act(t('console.flows.validate'), '', validate),
    act(t('console.flows.new_draft'), 'primary', async () => {
      const definition = parse();
      if (!definition) return;
      const created = await ctx.api.post('/v1/chat/flows', { key, definition });
      ctx.navigate(`#/flows/${created.key}/${created.version}`);
    }),
  ];
  container.replaceChildren(
    el('p', {}, el('a', { href: '#/flows' }, t('console.flows.back'))),
    el('h1', {}, el('code', {}, key), ' · ', t('console.flows.version', { version: formats.number(version) }), ' ',
      el('span', { class: `badge flow-${flow.status}` }, t(`console.flows.status.${flow.status}`))),
    el('p', { class: 'muted' }, t(draft ? 'console.flows.draft_hint' : 'console.flows.read_only')),
    el('div', { class: 'flow-editor' },
      el('div', {}, field(t('console.flows.definition'), editor), message, el('div', { class: 'actions' }, buttons)),
      problemsBox));
  show(null);
}

/** Problems under the node they name (those about the whole flow first); each selects its node in the text. */
function drawProblems(ctx, box, problems, editor) {
  const { t } = ctx;
  const heading = el('h2', { id: 'problems-title' }, t('console.flows.problems'));
  if (problems === null) {
    box.replaceChildren(heading, el('p', { class: 'muted' }, t('console.flows.not_checked')));
    return;
  }
  if (!problems.length) {
    box.replaceChildren(heading, el('p', { class: 'success' }, t('console.flows.valid')));
    return;
  }
  const byNode = new Map();
  for (const problem of problems) {
    const node = problem.nodeId || '';
    if (!byNode.has(node)) byNode.set(node, []);
    byNode.get(node).push(problem);
  }
  box.replaceChildren(heading, el('ul', { class: 'plain' }, [...byNode.entries()].map(([node, list]) => el('li', { 'data-node': node },
    el('h3', {}, node ? el('button', {
      type: 'button', class: 'link', 'aria-label': t('console.flows.go_to', { node }), onclick: () => select(editor, node),
    }, el('code', {}, node)) : t('console.flows.whole_flow')),
    el('ul', {}, list.map((p) => el('li', { 'data-code': p.code }, p.message)))))));
}

/** Selects a node's entry ("id": {) in the JSON text and scrolls it into view. */
function select(editor, node) {
  const needle = `"${node}":`;
  const at = editor.value.indexOf(needle);
  editor.focus();
  if (at < 0) return;
  editor.setSelectionRange(at, at + needle.length);
  const line = editor.value.slice(0, at).split('\n').length - 1;
  const lineHeight = editor.scrollHeight / Math.max(1, editor.value.split('\n').length);
  editor.scrollTop = Math.max(0, (line - 3) * lineHeight);
}
