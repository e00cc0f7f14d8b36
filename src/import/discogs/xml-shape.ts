// Dump records (XML element trees) in the API's JSON shape, so one converter reads both.
//
// The dump writes what the API answers with the same names (`<anv>`, `<join>`, `<tracks>`, `<extraartists>`), but
// lists as repeated elements, ids of named things as attributes (`<label id="5" name="Svek" catno="SK032"/>`,
// `<members><name id="26">Alexi Delano</name>`) and a track's kind not at all: a track with `<sub_tracks>` is an
// index track and one with neither position nor duration a heading (API `type_` "index" and "heading").
import type { DiscogsEntityType } from './convert.ts';

/** One element of a record: its attributes, child elements and text. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

type Json = Record<string, unknown>;

const child = (n: XmlNode, name: string): XmlNode | undefined => {
  for (const c of n.children) if (c.name === name) return c;
  return undefined;
};
const childrenOf = (n: XmlNode | undefined, name: string): XmlNode[] =>
  n === undefined ? [] : n.children.filter((c) => c.name === name);
const textOf = (n: XmlNode, name: string): string | undefined => {
  const c = child(n, name);
  if (c === undefined) return undefined;
  const t = c.text.trim();
  return t === '' ? undefined : t;
};
/** `<name id="26">Alexi Delano</name>`, `<label id="86537">Antidote (4)</label>` → `{ id, name }`. */
const named = (n: XmlNode): Json => ({ id: n.attrs.id, name: n.text.trim() });

function artists(n: XmlNode, list: string): Json[] {
  return childrenOf(child(n, list), 'artist').map((a) => ({
    id: textOf(a, 'id'),
    name: textOf(a, 'name'),
    anv: textOf(a, 'anv'),
    join: textOf(a, 'join'),
    role: textOf(a, 'role'),
    tracks: textOf(a, 'tracks'),
  }));
}

function track(t: XmlNode): Json {
  const subTracks = childrenOf(child(t, 'sub_tracks'), 'track');
  const position = textOf(t, 'position');
  const duration = textOf(t, 'duration');
  return {
    position,
    title: textOf(t, 'title'),
    duration,
    type_: subTracks.length > 0 ? 'index' : position === undefined && duration === undefined ? 'heading' : 'track',
    artists: artists(t, 'artists'),
    extraartists: artists(t, 'extraartists'),
    sub_tracks: subTracks.map(track),
  };
}

function release(r: XmlNode): Json {
  const master = child(r, 'master_id');
  return {
    id: r.attrs.id,
    status: r.attrs.status,
    title: textOf(r, 'title'),
    artists: artists(r, 'artists'),
    extraartists: artists(r, 'extraartists'),
    labels: childrenOf(child(r, 'labels'), 'label').map((l) => ({ id: l.attrs.id, name: l.attrs.name, catno: l.attrs.catno })),
    formats: childrenOf(child(r, 'formats'), 'format').map((f) => ({
      name: f.attrs.name,
      qty: f.attrs.qty,
      descriptions: childrenOf(child(f, 'descriptions'), 'description').map((d) => d.text.trim()),
    })),
    released: textOf(r, 'released'),
    country: textOf(r, 'country'),
    master_id: master?.text.trim() || undefined,
    is_main_release: master?.attrs.is_main_release === 'true',
    tracklist: childrenOf(child(r, 'tracklist'), 'track').map(track),
    companies: childrenOf(child(r, 'companies'), 'company').map((c) => ({ id: textOf(c, 'id'), name: textOf(c, 'name') })),
  };
}

function master(m: XmlNode): Json {
  return {
    id: m.attrs.id,
    title: textOf(m, 'title'),
    year: textOf(m, 'year'),
    main_release: textOf(m, 'main_release'),
    artists: artists(m, 'artists'),
  };
}

function artist(a: XmlNode): Json {
  return {
    id: textOf(a, 'id'),
    name: textOf(a, 'name'),
    realname: textOf(a, 'realname'),
    profile: textOf(a, 'profile'),
    namevariations: childrenOf(child(a, 'namevariations'), 'name').map((n) => n.text.trim()),
    aliases: childrenOf(child(a, 'aliases'), 'name').map(named),
    members: childrenOf(child(a, 'members'), 'name').map(named),
    groups: childrenOf(child(a, 'groups'), 'name').map(named),
  };
}

function label(l: XmlNode): Json {
  const parent = child(l, 'parentLabel');
  return {
    id: textOf(l, 'id'),
    name: textOf(l, 'name'),
    profile: textOf(l, 'profile'),
    sublabels: childrenOf(child(l, 'sublabels'), 'label').map(named),
    parent_label: parent ? named(parent) : undefined,
  };
}

export const SHAPES: Record<DiscogsEntityType, (n: XmlNode) => Json> = { release, master, artist, label };
