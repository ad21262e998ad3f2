/*
 * livesubs player page.
 *
 * Lists the streams (GET streams), follows one stream's captions in one language over
 * Server-Sent Events (streams/{id}/events?lang=xx) and shows them over the media area. When the
 * service has media for the stream (streams/{id}/media.wav) an <audio> element plays it and the
 * caption box shows the final cues whose [startMs, endMs) contains the audio's current time, plus
 * the live partial line once the audio has reached it; without media it shows the latest final
 * line and the live partial as they arrive. Every URL is relative, so the page also works behind a
 * reverse proxy that mounts the service under a path.
 */
(function () {
  'use strict';

  /** How often the stream list is refreshed (new streams, live/ended). */
  const STREAMS_REFRESH_MS = 5000;
  /** Delay before reopening an event stream the server refused or closed for good. */
  const REOPEN_DELAY_MS = 3000;
  /** With media, a partial line shows once the audio is this close to its start. */
  const PARTIAL_LEAD_MS = 500;

  const byId = (id) => document.getElementById(id);
  const ui = {
    stream: byId('stream'),
    language: byId('language'),
    status: byId('status'),
    screen: byId('screen'),
    placeholder: byId('placeholder'),
    screenNote: byId('screen-note'),
    finalLines: byId('caption-final'),
    partialLine: byId('caption-partial'),
    media: byId('media'),
    downloads: byId('downloads'),
    vtt: byId('link-vtt'),
    srt: byId('link-srt'),
    playlist: byId('link-playlist'),
    transcript: byId('transcript-lines'),
  };

  const requested = new URLSearchParams(window.location.search);
  let streams = [];
  let streamsSignature = '';
  /** The stream and language being followed; replaced (never mutated across streams). */
  let session = null;

  function streamPath(id) {
    return 'streams/' + encodeURIComponent(id);
  }

  function setStatus(state, text) {
    ui.status.dataset.state = state;
    ui.status.textContent = text;
  }

  function formatTime(ms) {
    const total = Math.max(0, Math.floor(ms / 100));
    const minutes = Math.floor(total / 600);
    const seconds = (total % 600) / 10;
    return minutes + ':' + seconds.toFixed(1).padStart(4, '0');
  }

  function replaceOptions(select, options, wanted) {
    select.replaceChildren(
      ...options.map((o) => {
        const option = document.createElement('option');
        option.value = o.value;
        option.textContent = o.label;
        return option;
      })
    );
    if (options.some((o) => o.value === wanted)) {
      select.value = wanted;
    }
  }

  function streamById(id) {
    return streams.find((s) => s.streamId === id);
  }

  function fillLanguages(wanted) {
    const stream = streamById(ui.stream.value);
    const languages = stream ? stream.languages : [];
    replaceOptions(
      ui.language,
      languages.map((l) => ({ value: l, label: l })),
      wanted
    );
  }

  async function refreshStreams() {
    try {
      const response = await fetch('streams', { cache: 'no-store' });
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      streams = await response.json();
    } catch (e) {
      if (!session) {
        setStatus('error', 'cannot list streams');
      }
      return;
    }
    const signature = JSON.stringify(streams.map((s) => [s.streamId, s.state, s.languages]));
    if (signature !== streamsSignature) {
      streamsSignature = signature;
      const wantedStream = session ? session.id : requested.get('stream');
      replaceOptions(
        ui.stream,
        streams.map((s) => ({
          value: s.streamId,
          label: s.state === 'ended' ? s.streamId + ' (ended)' : s.streamId,
        })),
        wantedStream
      );
      fillLanguages(session ? session.lang : requested.get('lang'));
    }
    if (session) {
      return;
    }
    const wanted = requested.get('stream');
    if (wanted && !streamById(wanted)) {
      // A link to a stream that has not started yet: wait for it rather than show another.
      setStatus('idle', 'waiting for ' + wanted);
    } else if (ui.stream.value && ui.language.value) {
      follow(ui.stream.value, ui.language.value);
    } else {
      setStatus('idle', streams.length ? 'choose a stream' : 'no streams yet');
    }
  }

  /** Stops following the current stream and clears what it showed. */
  function leave() {
    if (!session) {
      return;
    }
    session.closed = true;
    if (session.source) {
      session.source.close();
    }
    clearTimeout(session.reopenTimer);
    session = null;
    ui.media.pause();
    ui.media.removeAttribute('src');
    ui.media.hidden = true;
    ui.screen.dataset.media = 'none';
    ui.screenNote.hidden = true;
    ui.transcript.replaceChildren();
    ui.finalLines.textContent = '';
    ui.partialLine.textContent = '';
  }

  function follow(id, lang) {
    leave();
    const s = {
      id: id,
      lang: lang,
      cues: new Map(),
      finals: [],
      partial: null,
      lastEventId: '',
      media: false,
      ended: false,
      closed: false,
      source: null,
      reopenTimer: 0,
    };
    session = s;
    const base = streamPath(id);
    const query = new URLSearchParams({ stream: id, lang: lang });
    window.history.replaceState(null, '', '?' + query);
    ui.placeholder.hidden = true;
    ui.vtt.href = base + '/' + lang + '.vtt';
    ui.srt.href = base + '/' + lang + '.srt';
    ui.playlist.href = base + '/' + lang + '/playlist.m3u8';
    ui.downloads.hidden = false;
    probeMedia(s);
    openEvents(s);
    render();
  }

  async function probeMedia(s) {
    const url = streamPath(s.id) + '/media.wav';
    let found = false;
    try {
      found = (await fetch(url, { method: 'HEAD', cache: 'no-store' })).ok;
    } catch (e) {
      found = false;
    }
    if (s.closed) {
      return;
    }
    if (!found) {
      ui.screenNote.hidden = false;
      return;
    }
    s.media = true;
    ui.media.src = url;
    ui.media.hidden = false;
    ui.screen.dataset.media = 'audio';
    render();
  }

  function openEvents(s) {
    setStatus('connecting', 'connecting…');
    let url = streamPath(s.id) + '/events?lang=' + encodeURIComponent(s.lang);
    if (s.lastEventId) {
      url += '&lastEventId=' + encodeURIComponent(s.lastEventId);
    }
    const source = new EventSource(url);
    s.source = source;
    source.onopen = () => {
      if (!s.ended) {
        setStatus('live', 'live');
      }
    };
    source.addEventListener('cue', (event) => {
      s.lastEventId = event.lastEventId || s.lastEventId;
      onCue(s, JSON.parse(event.data));
    });
    source.addEventListener('end', (event) => {
      s.lastEventId = event.lastEventId || s.lastEventId;
      s.ended = true;
      source.close();
      setStatus('ended', 'ended');
      render();
    });
    source.onerror = () => {
      if (s.closed || s.ended) {
        return;
      }
      setStatus('connecting', 'reconnecting…');
      // The browser retries by itself unless the server refused the stream (e.g. 503 when full).
      if (source.readyState === EventSource.CLOSED) {
        s.reopenTimer = setTimeout(() => {
          if (!s.closed) {
            openEvents(s);
          }
        }, REOPEN_DELAY_MS);
      }
    };
  }

  /** Applies one cue version: a later revision replaces an earlier one, a final its partials. */
  function onCue(s, cue) {
    if (s.closed) {
      return;
    }
    const known = s.cues.get(cue.cueSeq);
    if (known && ((known.final && !cue.final) || known.revision > cue.revision)) {
      return;
    }
    s.cues.set(cue.cueSeq, cue);
    if (cue.final) {
      s.finals = s.finals.filter((c) => c.cueSeq !== cue.cueSeq);
      s.finals.push(cue);
      s.finals.sort((a, b) => a.startMs - b.startMs || a.cueSeq - b.cueSeq);
      addToTranscript(cue);
    }
    s.partial = latestPartial(s);
    render();
  }

  /** The open partial cue: the newest non-final cue after every final one. */
  function latestPartial(s) {
    let lastFinalSeq = -1;
    let partial = null;
    for (const cue of s.cues.values()) {
      if (cue.final) {
        lastFinalSeq = Math.max(lastFinalSeq, cue.cueSeq);
      } else if (!partial || cue.cueSeq > partial.cueSeq) {
        partial = cue;
      }
    }
    return partial && partial.cueSeq > lastFinalSeq ? partial : null;
  }

  function addToTranscript(cue) {
    const list = ui.transcript;
    const atBottom = list.parentElement.scrollTop + list.parentElement.clientHeight
      >= list.parentElement.scrollHeight - 8;
    const existing = list.querySelector('li[data-seq="' + cue.cueSeq + '"]');
    if (existing) {
      existing.remove();
    }
    const item = document.createElement('li');
    item.dataset.seq = cue.cueSeq;
    item.dataset.start = cue.startMs;
    const time = document.createElement('time');
    time.textContent = formatTime(cue.startMs);
    const text = document.createElement('span');
    text.textContent = cue.text;
    item.append(time, text);
    const next = Array.from(list.children).find((li) => Number(li.dataset.start) > cue.startMs);
    list.insertBefore(item, next || null);
    if (atBottom) {
      list.parentElement.scrollTop = list.parentElement.scrollHeight;
    }
  }

  function render() {
    const s = session;
    if (!s) {
      return;
    }
    let shown;
    let partial = s.partial;
    if (s.media) {
      const nowMs = ui.media.currentTime * 1000;
      shown = s.finals.filter((c) => c.startMs <= nowMs && nowMs < c.endMs);
      if (partial && partial.startMs > nowMs + PARTIAL_LEAD_MS) {
        partial = null;
      }
      const current = new Set(shown.map((c) => String(c.cueSeq)));
      for (const item of ui.transcript.children) {
        item.dataset.current = String(current.has(item.dataset.seq));
      }
    } else {
      shown = s.finals.length ? [s.finals[s.finals.length - 1]] : [];
    }
    const finalText = shown.map((c) => c.text).join('\n');
    if (ui.finalLines.textContent !== finalText) {
      ui.finalLines.textContent = finalText;
    }
    const partialText = partial ? partial.text : '';
    if (ui.partialLine.textContent !== partialText) {
      ui.partialLine.textContent = partialText;
    }
  }

  /** Follows the audio closely while it plays; events cover seeking while paused. */
  function renderWhilePlaying() {
    render();
    if (!ui.media.paused) {
      window.requestAnimationFrame(renderWhilePlaying);
    }
  }

  ui.media.addEventListener('play', renderWhilePlaying);
  ui.media.addEventListener('seeked', render);
  ui.media.addEventListener('timeupdate', render);
  ui.stream.addEventListener('change', () => {
    requested.delete('stream');
    fillLanguages(session ? session.lang : requested.get('lang'));
    if (ui.language.value) {
      follow(ui.stream.value, ui.language.value);
    }
  });
  ui.language.addEventListener('change', () => follow(ui.stream.value, ui.language.value));

  refreshStreams();
  setInterval(refreshStreams, STREAMS_REFRESH_MS);
})();
