// The staff console (/app/console/): reception's agenda, the lead board, the chat desk and administration.
// Each screen is shown only to accounts with its permissions; the API decides what each call may do.

import { Shell } from '../common/shell.js';
import { renderAdmin } from './admin.js';
import { renderAgenda } from './agenda.js';
import { renderChat } from './chat.js';
import { renderLeads } from './leads.js';

const has = (me, ...permissions) => permissions.some((p) => me.permissions.includes(p));

const screens = [
  { id: 'agenda', title: 'console.nav.agenda', allowed: (me) => has(me, 'appointments.read.any'), render: renderAgenda },
  { id: 'leads', title: 'console.nav.leads', allowed: (me) => has(me, 'leads.read', 'leads.read.all'), render: renderLeads },
  { id: 'chat', title: 'console.nav.chat', allowed: (me) => has(me, 'chatbot.conversations.manage'), render: renderChat },
  { id: 'admin', title: 'console.nav.admin', allowed: (me) => has(me, 'users.read.any'), render: renderAdmin },
];

new Shell('console', screens).start().catch((error) => {
  console.error('Moeen console could not start:', error);
});
