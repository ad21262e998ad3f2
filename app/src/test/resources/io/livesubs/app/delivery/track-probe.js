/*
 * Test probe: loads WebVTT documents through <track> elements, so the browser's own WebVTT parser
 * reads them, and reports the cues it found. Defines window.loadTrack(url) and
 * window.loadPlaylist(url); both return promises of plain JSON values.
 */
(function () {
  'use strict';

  window.loadTrack = async function (url) {
    const video = document.createElement('video');
    video.muted = true;
    const track = document.createElement('track');
    track.kind = 'subtitles';
    track.srclang = 'en';
    track.src = url;
    video.appendChild(track);
    document.body.appendChild(video);
    const loaded = new Promise((resolve, reject) => {
      track.addEventListener('load', resolve);
      track.addEventListener('error', () => reject(new Error('track failed to load: ' + url)));
    });
    // Hidden (not disabled) tracks are fetched and parsed, without being rendered.
    track.track.mode = 'hidden';
    await loaded;
    const cues = Array.from(track.track.cues, (cue) => ({
      startMs: Math.round(cue.startTime * 1000),
      endMs: Math.round(cue.endTime * 1000),
      text: cue.getCueAsHTML().textContent,
    }));
    video.remove();
    return cues;
  };

  window.loadPlaylist = async function (url) {
    const playlistUrl = new URL(url, window.location.href);
    const playlist = await (await fetch(playlistUrl)).text();
    const uris = playlist.split('\n').filter((line) => line && !line.startsWith('#'));
    const segments = [];
    for (const uri of uris) {
      const segmentUrl = new URL(uri, playlistUrl).href;
      const raw = await (await fetch(segmentUrl)).text();
      segments.push({
        uri: uri,
        headerLines: raw.split('\n').slice(0, 2),
        cues: await window.loadTrack(segmentUrl),
      });
    }
    return { playlist: playlist, segments: segments };
  };
})();
