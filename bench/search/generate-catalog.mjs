// Writes a seed overlay with a generated catalogue of about 100,000 implementations: every real
// base item in 36 variants (the original and 35 qualified forms, e.g. 食品经营许可证核发（分支机构）),
// each implemented at the levels of its original. Usage: node generate-catalog.mjs <overlay dir>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node generate-catalog.mjs <overlay dir>');
  process.exit(2);
}
const QUALIFIERS = ['首次', '变更', '延续', '注销', '补办', '跨省通办', '省内通办', '分支机构', '个人', '企业',
  '外商投资', '农村', '城镇', '港口', '海洋', '园区', '高新区', '自贸片区', '退役军人', '残疾人', '老年人', '未成年人',
  '港澳台居民', '外国人', '新就业形态', '灵活就业', '高层次人才', '困难群众', '特殊群体', '涉农', '涉海', '跨境', '集团',
  '连锁经营', '临时'];
const base = JSON.parse(readFileSync(join(here, '../../seeds/catalog/service-items.json'), 'utf8'));
const items = [];
for (const item of base) {
  items.push(item);
  QUALIFIERS.forEach((qualifier, i) => {
    items.push({
      ...item,
      basicCode: item.basicCode.slice(0, 9) + String(i + 1).padStart(3, '0'),
      name: `${item.name}（${qualifier}）`,
      aliases: [],
      popularity: Math.floor(item.popularity / (i + 4)),
    });
  });
}
mkdirSync(join(out, 'catalog'), { recursive: true });
writeFileSync(join(out, 'catalog/service-items.json'), JSON.stringify(items));
const implementations = items.reduce((n, i) => n + (i.levels.includes('CITY') ? 1 : 0) + (i.levels.includes('DISTRICT') ? 10 : 0), 0);
console.log(`${items.length} base items, ${implementations} implementations → ${out}`);
