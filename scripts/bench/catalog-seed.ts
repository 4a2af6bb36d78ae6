// The bench catalog's rows (scripts/bench-catalog.ts seeds them once): set-based statements over
// generate_series, grouped in steps whose times the seeding prints.
import { type SQL, sql } from "drizzle-orm";

/** How big the catalog is (scripts/bench-catalog's SIZE). */
export type CatalogSize = Record<
  "podcasts" | "episodes" | "perEpisode" | "readers" | "clusters",
  number
>;

/**
 * The synthetic catalog, set-based: each table is one INSERT … SELECT over generate_series, in one
 * transaction. Embeddings mix cluster centroids with noise: a cluster shares its primary topic,
 * readers save mostly from a home cluster, near-duplicates are near. (A subquery mentioning an
 * outer column, as in `where c >= 0`, makes Postgres draw its random() per row, not once.)
 */
export function seedSteps(
  size: CatalogSize,
  topicsJson: string,
  embeddingIndex: string,
): Record<string, SQL[]> {
  return {
    ...catalogSteps(size, topicsJson),
    ...insightSteps(size),
    ...readerSteps(size),
    "hnsw index": raw(`set local maintenance_work_mem = '1GB'`, embeddingIndex),
  };
}

/** The topics, the seed's SQL helpers and centroids, the shows and their episodes. */
function catalogSteps(size: CatalogSize, topicsJson: string): Record<string, SQL[]> {
  const { podcasts, episodes, clusters } = size;
  return {
    topics: [
      sql`truncate users, podcasts, topics restart identity cascade`,
      sql`insert into topics (slug, label)
          select * from json_to_recordset(${topicsJson}::json) as t(slug text, label text)`,
    ],
    helpers: raw(
      `create or replace function pg_temp.words(n int) returns text language sql volatile as
        $$ select string_agg(('{ka,lo,mi,ne,ru,ta,ve,so,di,pa}'::text[])[1 + r / 100]
                             || ('{ba,re,ti,mo,lu,sa,ne,ko,fi,da}'::text[])[1 + r / 10 % 10]
                             || ('{n,r,s,l,t,m,x,k,d,ng}'::text[])[1 + r % 10], ' ')
           from (select floor(random() * 1000)::int as r from generate_series(1, n)) x $$`,
      `create or replace function pg_temp.mix(a vector, b vector, w float8, noise float8)
        returns vector language sql volatile as
        $$ select l2_normalize(a + b * array_fill(w, array[384])::vector + (select
             array_agg(noise * (random() * 2 - 1)) from generate_series(1, 384))::vector) $$`,
      `create temp table seed_centroids on commit drop as
        select c, l2_normalize((select array_agg(random() * 2 - 1) from generate_series(1, 384)
                                where c >= 0)::vector) as v
        from generate_series(0, ${clusters - 1}) c`,
      // Rebuilt once the rows are in: far faster than maintained row by row.
      `drop index insights_embedding_idx`,
    ),
    catalog: raw(
      `insert into podcasts (feed_url, title, author, checked_at)
        select 'https://bench.podbrief.test/show-' || n || '.rss',
               initcap(pg_temp.words(2 + n % 3)), initcap(pg_temp.words(2)), now()
        from generate_series(1, ${podcasts}) n`,
      `create temp table seed_episodes on commit drop as
        select gen_random_uuid() as id, p.id as podcast_id, p.k % ${clusters} as home, n,
               now() - random() * interval '60 days' as published_at
        from generate_series(1, ${episodes}) n
        join (select id, row_number() over (order by id) - 1 as k from podcasts) p
          on p.k = n % ${podcasts}`,
      `insert into episodes (id, podcast_id, guid, title, published_at, status, created_at)
        select id, podcast_id, 'bench-' || n, initcap(pg_temp.words(4 + n % 5)), published_at,
               'summarized', published_at
        from seed_episodes`,
    ),
  };
}

/** Each episode's insights around cluster centroids, their topics, and near-duplicate pairs. */
function insightSteps(size: CatalogSize): Record<string, SQL[]> {
  const { perEpisode, clusters } = size;
  return {
    insights: raw(
      `create temp table seed_insights on commit drop as
        select *, row_number() over (partition by cluster order by id)::int as k from (
          select gen_random_uuid() as id, e.id as episode_id, e.podcast_id, pos,
                 case when random() < 0.6 then e.home
                      else floor(random() * ${clusters})::int end as cluster,
                 floor(random() * ${clusters})::int as second,
                 least(now(), e.published_at + random() * interval '6 hours') as created_at
          from seed_episodes e, generate_series(0, ${perEpisode - 1}) pos) s`,
      `create index on seed_insights (cluster, k)`,
      `create temp table seed_clusters on commit drop as
        select cluster, count(*)::int as size from seed_insights group by cluster`,
      `insert into insights (id, episode_id, position, headline, body, quote, quote_start_s,
                            grounding, score, model, prompt_version, embedding, created_at)
        select s.id, s.episode_id, s.pos, initcap(pg_temp.words(6 + s.k % 4)),
               pg_temp.words(30 + s.k % 16) || '.', pg_temp.words(15 + s.k % 11),
               random() * 3600, 'exact', random(), 'bench', 'bench-1',
               pg_temp.mix(a.v, b.v, random() * 0.5, 0.07), s.created_at
        from seed_insights s
        join seed_centroids a on a.c = s.cluster join seed_centroids b on b.c = s.second`,
    ),
    "topics+links": raw(
      `insert into insight_topics (insight_id, topic_slug)
        select s.id, (select array_agg(slug order by slug) from topics)
                       [1 + (s.cluster + j * (1 + floor(random() * 29)::int)) % 30]
        from seed_insights s, generate_series(0, s.k % 3) j
        on conflict do nothing`,
      `create temp table seed_pairs on commit drop as
        select a.id as a, b.id as b from seed_insights a
        join seed_clusters c on c.cluster = a.cluster
        join seed_insights b on b.cluster = a.cluster and b.k = 1 + (a.k + c.size / 2) % c.size
        where a.k % 100 = 0 and b.podcast_id <> a.podcast_id`,
      `update insights b set embedding = pg_temp.mix(a.embedding, a.embedding, 0, 0.025)
        from seed_pairs p join insights a on a.id = p.a where b.id = p.b`,
      `insert into insight_links (insight_id, other_id, similarity)
        select x, y, 1 - (ia.embedding <=> ib.embedding) from seed_pairs p
        cross join lateral (values (p.a, p.b), (p.b, p.a)) v(x, y)
        join insights ia on ia.id = p.a join insights ib on ib.id = p.b`,
    ),
  };
}

/** Readers with profiles and follows, then their saves and events. */
function readerSteps(size: CatalogSize): Record<string, SQL[]> {
  const { readers, clusters } = size;
  return {
    readers: raw(
      `insert into users (id, name, email, email_verified, created_at)
        select 'bench-reader-' || n, 'Reader ' || n, 'reader' || n || '@bench.podbrief.test',
               now(), now() - random() * interval '90 days'
        from generate_series(1, ${readers}) n`,
      `insert into profiles (user_id, interests, interests_embedding, followed_topics, time_zone,
                            brief_hour, onboarded_at)
        select 'bench-reader-' || n, case when n % 2 = 0 then pg_temp.words(12) else '' end,
               case when n % 2 = 0 then pg_temp.mix(c.v, c.v, 0, 0.07) end,
               (select array_agg(slug) from (select slug from topics where n > 0
                                             order by random() limit 1 + n % 5) t),
               (array['UTC', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles',
                      'Asia/Tokyo', 'Australia/Sydney', 'Asia/Kolkata'])[1 + n % 7],
               6 + n % 4, now()
        from generate_series(1, ${readers}) n join seed_centroids c on c.c = n % ${clusters}`,
      `insert into follows (user_id, podcast_id, created_at)
        select u.id, p.id, now() - random() * interval '60 days' from users u
        cross join lateral (select id from podcasts where u.id is not null
                            order by random() limit (hashtext(u.id) & 1023) % 9) p`,
    ),
    // Per reader: 0–30 saves, 0–40 views, 0–5 "more", 0–3 "less", 0–10 dismissals.
    "saves+events": raw(
      `create temp table seed_picked on commit drop as
        with picks as materialized (
          select r.n, k.kind, random() as u,
                 case when k.kind <> 'less' and random() < 0.6 then r.n % ${clusters}
                      else floor(random() * ${clusters})::int end as cluster
          from generate_series(1, ${readers}) r(n)
          cross join (values ('save', 7919, 31), ('view', 104729, 41), ('more', 13, 6),
                             ('less', 17, 4), ('dismiss', 31, 11)) k(kind, mult, mods)
          cross join lateral generate_series(1, (r.n * k.mult) % k.mods) j)
        select 'bench-reader-' || p.n as user_id, p.kind, s.id as insight_id,
               s.created_at + random() * (now() - s.created_at) as at
        from picks p join seed_clusters c using (cluster)
        join seed_insights s on s.cluster = p.cluster and s.k = 1 + floor(p.u * c.size)::int`,
      `insert into saves (user_id, insight_id, created_at)
        select user_id, insight_id, at from seed_picked where kind = 'save'
        on conflict do nothing`,
      `insert into events (user_id, insight_id, kind, created_at)
        select user_id, insight_id, kind, at from seed_picked where kind <> 'save'`,
    ),
  };
}

function raw(...statements: string[]): SQL[] {
  return statements.map((statement) => sql.raw(statement));
}
