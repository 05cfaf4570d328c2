import type { AstNode, ValidationAcceptor } from 'langium';
import type { Property, UnknownProperty } from '../generated/ast.js';
import { parseDuration } from '../parse/duration.js';
import { propertiesOf, type PropertyOwner } from '../link/blueprint-contents.js';
import { closestName } from './suggest.js';
import { CHANNELS, isKnownChannel } from '../../model/channels.js';

/** Node types that carry properties. */
export type PropertyOwnerType = 'Blueprint' | 'Phase' | 'Lane' | 'Step' | 'Touchpoint' | 'Actor' | 'System';
type Owner = PropertyOwnerType;

/** Where each property may stand (the spec's property table). */
export const ALLOWED_ON: Record<Property['key'], readonly Owner[]> = {
    description: ['Blueprint', 'Phase', 'Lane', 'Step', 'Touchpoint', 'Actor', 'System'],
    persona: ['Blueprint'],
    status: ['Blueprint'],
    duration: ['Phase', 'Step'],
    wait: ['Step'],
    emotion: ['Phase', 'Step'],
    fail: ['Step', 'Touchpoint'],
    pain: ['Phase', 'Step', 'Touchpoint'],
    opportunity: ['Phase', 'Step', 'Touchpoint'],
    metric: ['Phase', 'Step', 'Touchpoint'],
    policy: ['Phase', 'Step', 'Touchpoint'],
    channel: ['Touchpoint'],
    by: ['Step'],
    uses: ['Step', 'Touchpoint'],
    visibility: ['Step'],
    decision: ['Step'],
    link: ['Step']
};

/** Fail, pain, opportunity, metric and policy notes are lists: a step may have several. */
const REPEATABLE = new Set<Property['key']>(['fail', 'pain', 'opportunity', 'metric', 'policy']);

const OWNER_NAME: Record<Owner, string> = {
    Blueprint: 'a blueprint', Phase: 'a phase', Lane: 'a lane', Step: 'a step',
    Touchpoint: 'a touchpoint', Actor: 'an actor', System: 'a system'
};

/** invalid-property: a property where it is not allowed, or given twice. */
export function checkPropertyPlacement(owner: AstNode & PropertyOwner, accept: ValidationAcceptor): void {
    const ownerType = owner.$type as Owner;
    const seen = new Set<string>();
    for (const property of propertiesOf(owner)) {
        const allowed = ALLOWED_ON[property.key];
        if (!allowed) continue; // a partial parse
        const laneKind = ownerType === 'Step' ? (owner.$container as { kind?: string } | undefined)?.kind : undefined;
        if (!allowed.includes(ownerType)) {
            accept('error', `'${property.key}' is not allowed on ${OWNER_NAME[ownerType]}${placementHint(property.key, ownerType)}`,
                { node: property, code: 'invalid-property' });
        } else if (laneKind === 'notes' && property.key !== 'description') {
            accept('error', `'${property.key}' is not allowed on a note: a step of a notes lane is commentary and takes only description.`,
                { node: property, code: 'invalid-property' });
        } else if (laneKind !== undefined && laneKind !== 'actor' && property.key === 'visibility') {
            accept('error', `'visibility' applies to steps of actor lanes only: a step of a ${laneKind} lane is where its lane's kind says.`,
                { node: property, code: 'invalid-property' });
        } else if (seen.has(property.key) && !REPEATABLE.has(property.key)) {
            accept('error', `'${property.key}' is given twice; keep one.`, { node: property, code: 'invalid-property' });
        }
        seen.add(property.key);
    }
}

function placementHint(key: Property['key'], owner: Owner): string {
    if (key === 'by' && owner === 'Lane') return '; write it in the lane header: lane name "Title" kind by actor.';
    const places = ALLOWED_ON[key].map(o => OWNER_NAME[o].replace(/^an? /, ''));
    return `; it belongs on ${places.length === 1 ? `a ${places[0]}` : places.slice(0, -1).join(', ') + ' or ' + places[places.length - 1]}.`;
}

/**
 * value-out-of-range: emotion outside −2…+2; a zero or negative duration. A value that is not of
 * the property's kind at all (`emotion high`, `status draft`, `duration 1,5h`) is a syntax error:
 * the grammar lets it through so that this one message says what to write.
 */
export function checkPropertyValue(property: Property, accept: ValidationAcceptor): void {
    switch (property.key) {
        case 'status':
            if (property.value !== undefined && property.value !== 'as-is' && property.value !== 'to-be') {
                accept('error', `status is as-is or to-be, not '${property.value}'.`, { node: property, property: 'value', code: 'syntax-error' });
            }
            break;
        case 'visibility':
            if (property.value !== undefined && property.value !== 'visible' && property.value !== 'hidden') {
                accept('error', `visibility is visible or hidden, not '${property.value}'.`, { node: property, property: 'value', code: 'syntax-error' });
            }
            break;
        case 'emotion':
            if (property.malformed !== undefined) {
                accept('error', `emotion is a whole number from -2 to +2, not '${property.malformed}'.`, { node: property, property: 'malformed', code: 'syntax-error' });
            } else if (property.value !== undefined && (property.value < -2 || property.value > 2)) {
                accept('error', `Emotion must be a whole number from -2 to +2, not ${property.value}.`,
                    { node: property, code: 'value-out-of-range' });
            }
            break;
        case 'duration':
        case 'wait': {
            if (property.value === undefined) break;
            const parsed = parseDuration(property.value);
            if (!parsed.ok) accept('error', parsed.message, { node: property, code: parsed.malformed ? 'syntax-error' : 'value-out-of-range' });
            break;
        }
        case 'channel':
            if (property.value && !isKnownChannel(property.value)) {
                const named = channelFor(property.value);
                const suggestion = named?.channels[0] ?? closestName(property.value, Object.keys(CHANNELS));
                const hint = named ? ` ${named.hint}` : suggestion ? ` Did you mean '${suggestion}'?` : ` Known channels: ${Object.keys(CHANNELS).join(', ')}.`;
                accept('warning', `Unknown channel '${property.value}'.${hint}`,
                    { node: property, code: 'unknown-channel', data: { code: 'unknown-channel', suggestion } });
            }
            break;
    }
}

/** What a block takes, for the message about a property the language does not have. */
const OWNER_OF_BLOCK: Record<string, Owner> = {
    Blueprint: 'Blueprint', Phase: 'Phase', Lane: 'Lane', Step: 'Step', Touchpoint: 'Touchpoint', Actor: 'Actor', System: 'System'
};

/** invalid-property: a word the language has no property for (`colour red`), with the ones the block takes. */
export function checkUnknownProperty(property: UnknownProperty, accept: ValidationAcceptor): void {
    const owner = OWNER_OF_BLOCK[property.$container?.$type ?? ''];
    const keys = (Object.keys(ALLOWED_ON) as Array<Property['key']>).filter(key => owner === undefined || ALLOWED_ON[key].includes(owner));
    const suggestion = closestName(property.word, keys);
    const takes = owner ? ` ${OWNER_NAME[owner][0].toUpperCase()}${OWNER_NAME[owner].slice(1)} takes ${keys.join(', ')}.` : '';
    accept('error', `Unknown property '${property.word}'.${suggestion ? ` Did you mean '${suggestion}'?` : takes}`,
        { node: property, property: 'word', code: 'invalid-property' });
}

/** Words people write for a channel: the contact types, and common synonyms. */
const CHANNEL_WORDS: Record<string, readonly string[]> = {
    'face-to-face': ['in-person'], 'in_person': ['in-person'], person: ['in-person'], 'in-store': ['in-person'], counter: ['in-person'],
    voice: ['phone', 'video'], telephone: ['phone'], call: ['phone'], 'phone-call': ['phone'], hotline: ['phone'], 'video-call': ['video'],
    digital: ['web', 'app', 'email', 'sms', 'chat', 'social'], website: ['web'], online: ['web'], portal: ['web'], internet: ['web'],
    'e-mail': ['email'], mobile: ['app'], 'mobile-app': ['app'], text: ['sms'], 'text-message': ['sms'], webchat: ['chat'], messenger: ['chat'],
    'self-service': ['kiosk', 'terminal'], atm: ['terminal'], machine: ['terminal'],
    physical: ['mail', 'print'], letter: ['mail'], post: ['mail'], paper: ['print'], leaflet: ['print']
};

const CONTACT_TYPES = new Set(['face-to-face', 'voice', 'digital', 'self-service', 'physical']);

/** The channel to write for a contact-type word or a synonym, with the sentence that says so. */
function channelFor(word: string): { channels: readonly string[]; hint: string } | undefined {
    const channels = CHANNEL_WORDS[word.toLowerCase()];
    if (!channels) return undefined;
    const list = channels.length === 1 ? `'${channels[0]}'` : `${channels.slice(0, -1).map(c => `'${c}'`).join(', ')} or '${channels[channels.length - 1]}'`;
    const hint = CONTACT_TYPES.has(word.toLowerCase())
        ? `'${word}' is a contact type, not a channel: write ${list}.`
        : `Write ${list} for '${word}'.`;
    return { channels, hint };
}
