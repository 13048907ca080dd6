<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names and the index of names.

  ENCODING.md 3: a mention (persName, placeName, orgName; also name and rs
  with a @type) points with @ref="#id" to its entry in standOff's listPerson,
  listPlace, listOrg; a mention the register does not know has @cert="low" and
  no @ref. Every output format builds the same index from these keys: the
  entries with their authority links, and the unidentified names grouped by
  their text, each with links back to where they are mentioned.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- Show the index of names (1) or not (0). -->
  <xsl:param name="index" select="'1'"/>

  <xsl:key name="entity" match="tei:person | tei:personGrp | tei:place | tei:org" use="@xml:id"/>

  <!-- Mentions by the id of the entry their first @ref token points to (local
       pointers "#id" only: "register.xml#id" is not an entry of this file). -->
  <xsl:key name="mentions"
      match="tei:text//tei:persName[@ref] | tei:text//tei:placeName[@ref] | tei:text//tei:orgName[@ref]
             | tei:text//tei:name[@ref] | tei:text//tei:rs[@ref]"
      use="substring-after(concat(' ', substring-before(concat(normalize-space(@ref), ' '), ' ')), ' #')"/>

  <!-- Mentions without @ref, grouped by kind and text. -->
  <xsl:key name="unidentified"
      match="tei:text//tei:persName[not(@ref)] | tei:text//tei:placeName[not(@ref)] | tei:text//tei:orgName[not(@ref)]"
      use="concat(local-name(), '|', normalize-space(.))"/>

  <xsl:variable name="index-persons"
      select="/*/tei:standOff//tei:person | /*/tei:standOff//tei:personGrp
              | /*/tei:teiHeader/tei:profileDesc//tei:listPerson//tei:person"/>
  <xsl:variable name="index-places"
      select="/*/tei:standOff//tei:place | /*/tei:teiHeader/tei:profileDesc//tei:listPlace//tei:place"/>
  <xsl:variable name="index-orgs"
      select="/*/tei:standOff//tei:org | /*/tei:teiHeader/tei:profileDesc//tei:listOrg//tei:org"/>
  <xsl:variable name="unidentified-names"
      select="$special[self::tei:persName or self::tei:placeName or self::tei:orgName][not(@ref)]"/>
  <!-- The first mention of each unidentified name (Muenchian grouping). -->
  <xsl:variable name="unidentified-groups"
      select="$unidentified-names[generate-id() = generate-id(key('unidentified', concat(local-name(), '|', normalize-space(.)))[1])]"/>
  <xsl:variable name="has-index"
      select="$index != '0' and ($index-persons or $index-places or $index-orgs or $unidentified-names)"/>

  <!-- The id of the entry a mention points to ('' when none in this file). -->
  <xsl:template name="entity-id">
    <xsl:variable name="first" select="substring-before(concat(normalize-space(@ref), ' '), ' ')"/>
    <xsl:if test="starts-with($first, '#')">
      <xsl:if test="key('entity', substring($first, 2))">
        <xsl:value-of select="substring($first, 2)"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- person | place | org | '' for a mention. The register is consulted only
       for name/rs without a telling @type (a key lookup indexes the file). -->
  <xsl:template name="name-kind">
    <xsl:variable name="type" select="translate(@type, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:choose>
      <xsl:when test="self::tei:persName">person</xsl:when>
      <xsl:when test="self::tei:placeName">place</xsl:when>
      <xsl:when test="self::tei:orgName">org</xsl:when>
      <xsl:when test="contains($type, 'pers')">person</xsl:when>
      <xsl:when test="contains($type, 'place') or contains($type, 'geo') or contains($type, 'settlement') or contains($type, 'country')">place</xsl:when>
      <xsl:when test="contains($type, 'org')">org</xsl:when>
      <xsl:when test="starts-with(normalize-space(@ref), '#')">
        <xsl:variable name="entity" select="key('entity', substring-after(substring-before(concat(normalize-space(@ref), ' '), ' '), '#'))"/>
        <xsl:choose>
          <xsl:when test="$entity[self::tei:person or self::tei:personGrp]">person</xsl:when>
          <xsl:when test="$entity[self::tei:place]">place</xsl:when>
          <xsl:when test="$entity[self::tei:org]">org</xsl:when>
        </xsl:choose>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="kind-label">
    <xsl:param name="kind"/>
    <xsl:choose>
      <xsl:when test="$kind = 'person'">person</xsl:when>
      <xsl:when test="$kind = 'place'">place</xsl:when>
      <xsl:when test="$kind = 'org'">organisation</xsl:when>
      <xsl:otherwise>name</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A stable anchor id for a mention, the same wherever it is computed:
       its xml:id, else its position in the tree ("nm.1.3.2.7"). Cheap: it
       counts siblings on the way up, it does not scan the document. -->
  <xsl:template name="mention-id">
    <xsl:choose>
      <xsl:when test="@xml:id">
        <xsl:value-of select="@xml:id"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>nm.</xsl:text>
        <xsl:call-template name="tree-place"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The ids of those of $mentions that the output shows, " nm.1.2 nm.3.4 ":
       a name in furniture the edition leaves out, in a deletion the plain
       text leaves out, on the side of a choice the edition does not show,
       or without words, has no anchor to link to. -->
  <xsl:template name="shown-mention-ids">
    <xsl:param name="mentions"/>
    <xsl:for-each select="$mentions[normalize-space()]">
      <xsl:if test="($show-furniture or not(ancestor::tei:fw)) and ($w-strike or $diplomatic or not(ancestor::tei:del))
                    and ($diplomatic or not((ancestor::tei:sic[../tei:corr] | ancestor::tei:orig[../tei:reg]
                                             | ancestor::tei:abbr[../tei:expan])[parent::tei:choice]))
                    and (not($diplomatic) or not((ancestor::tei:corr[../tei:sic] | ancestor::tei:reg[../tei:orig]
                                                  | ancestor::tei:expan[../tei:abbr])[parent::tei:choice]))
                    and not(ancestor::tei:index or ancestor::tei:binaryObject or ancestor::tei:interp
                            or ancestor::tei:gap or ancestor::tei:witDetail or ancestor::tei:metamark)">
        <xsl:text> </xsl:text>
        <xsl:call-template name="mention-id"/>
      </xsl:if>
    </xsl:for-each>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- w-mention-ref for each id of $ids (shown-mention-ids, normalised),
       numbered from $number, with the entry's $label. The list is halved until it is short, so that
       a name mentioned thousands of times does not nest thousands of calls
       (libxslt stops at 3,000). -->
  <xsl:template name="each-mention">
    <xsl:param name="ids"/>
    <xsl:param name="number" select="1"/>
    <xsl:param name="label"/>
    <xsl:choose>
      <xsl:when test="string-length($ids) &gt; 1500">
        <xsl:variable name="cut" select="floor(string-length($ids) div 2)"/>
        <xsl:variable name="left"
            select="normalize-space(concat(substring($ids, 1, $cut), substring-before(concat(substring($ids, $cut + 1), ' '), ' ')))"/>
        <xsl:variable name="right" select="substring-after(substring($ids, $cut + 1), ' ')"/>
        <xsl:call-template name="each-mention">
          <xsl:with-param name="ids" select="$left"/>
          <xsl:with-param name="number" select="$number"/>
          <xsl:with-param name="label" select="$label"/>
        </xsl:call-template>
        <xsl:if test="normalize-space($right) != ''">
          <xsl:call-template name="each-mention">
            <xsl:with-param name="ids" select="normalize-space($right)"/>
            <xsl:with-param name="number" select="$number + 1 + string-length($left) - string-length(translate($left, ' ', ''))"/>
            <xsl:with-param name="label" select="$label"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$ids != ''">
        <xsl:call-template name="w-mention-ref">
          <xsl:with-param name="id" select="substring-before(concat($ids, ' '), ' ')"/>
          <xsl:with-param name="number" select="$number"/>
          <xsl:with-param name="label" select="$label"/>
        </xsl:call-template>
        <xsl:call-template name="each-mention">
          <xsl:with-param name="ids" select="substring-after($ids, ' ')"/>
          <xsl:with-param name="number" select="$number + 1"/>
          <xsl:with-param name="label" select="$label"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The standard form of an entry's name. -->
  <xsl:template name="entity-label">
    <xsl:variable name="names" select="tei:persName | tei:placeName | tei:orgName | tei:name | tei:geogName | tei:settlement | tei:country"/>
    <xsl:variable name="preferred"
        select="$names[@type = 'main' or @type = 'standard' or @type = 'full' or @type = 'preferred'][1]"/>
    <xsl:choose>
      <xsl:when test="$preferred">
        <xsl:for-each select="$preferred">
          <xsl:call-template name="name-label"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="$names[not(@type)]">
        <xsl:for-each select="$names[not(@type)][1]">
          <xsl:call-template name="name-label"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="$names">
        <xsl:for-each select="$names[1]">
          <xsl:call-template name="name-label"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="@n">
        <xsl:value-of select="@n"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="@xml:id"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A name as a reader writes it (context: a name, or an element holding
       names such as author): one name out of several variants, its parts in
       reading order ("Juliette Adam", "Madame Juliette Adam", "Edward
       Bulwer-Lytton, Baron Lytton"), never its identifiers (idno) or notes.
       A name written as text keeps its own words and order. -->
  <xsl:template name="name-label">
    <xsl:variable name="names" select="tei:persName | tei:orgName | tei:name | tei:placeName"/>
    <xsl:variable name="parts" select="tei:forename | tei:surname | tei:roleName | tei:addName | tei:genName | tei:nameLink"/>
    <xsl:choose>
      <xsl:when test="$names and not(text()[normalize-space()])">
        <xsl:variable name="preferred"
            select="$names[@type = 'main' or @type = 'standard' or @type = 'full' or @type = 'preferred' or @full = 'yes'][1]"/>
        <xsl:variable name="plain" select="$names[not(@type) or @type != 'variant']"/>
        <xsl:choose>
          <xsl:when test="$preferred">
            <xsl:for-each select="$preferred">
              <xsl:call-template name="name-label"/>
            </xsl:for-each>
          </xsl:when>
          <xsl:when test="$plain">
            <xsl:for-each select="$plain[1]">
              <xsl:call-template name="name-label"/>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="$names[1]">
              <xsl:call-template name="name-label"/>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$parts and not(text()[normalize-space()])">
        <xsl:variable name="core" select="tei:forename | tei:surname | tei:nameLink | tei:genName"/>
        <xsl:variable name="first-core" select="$core[1]"/>
        <xsl:variable name="text">
          <!-- Role names and additions before the name ("Madame", "Sir"). -->
          <xsl:for-each select="(tei:roleName | tei:addName)[not($first-core) or following-sibling::*[generate-id() = generate-id($first-core)]]">
            <xsl:value-of select="concat(normalize-space(.), ' ')"/>
          </xsl:for-each>
          <xsl:for-each select="tei:forename">
            <xsl:value-of select="concat(normalize-space(.), ' ')"/>
          </xsl:for-each>
          <xsl:for-each select="tei:nameLink">
            <xsl:value-of select="concat(normalize-space(.), ' ')"/>
          </xsl:for-each>
          <xsl:for-each select="tei:surname">
            <xsl:value-of select="concat(normalize-space(.), ' ')"/>
          </xsl:for-each>
          <xsl:for-each select="tei:genName">
            <xsl:value-of select="concat(normalize-space(.), ' ')"/>
          </xsl:for-each>
          <!-- Titles after it ("Baron Lytton"), after a comma. -->
          <xsl:for-each select="(tei:roleName | tei:addName)[$first-core and not(following-sibling::*[generate-id() = generate-id($first-core)])]">
            <xsl:value-of select="concat(', ', normalize-space(.), ' ')"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:value-of select="normalize-space(translate(normalize-space($text), '&#10;', ' '))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="text">
          <xsl:apply-templates mode="name-text"/>
        </xsl:variable>
        <xsl:value-of select="normalize-space($text)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="name-text">
    <xsl:if test="preceding-sibling::node()[1][self::*]">
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:apply-templates mode="name-text"/>
  </xsl:template>
  <xsl:template match="tei:persName | tei:orgName | tei:name" mode="name-text">
    <xsl:if test="preceding-sibling::node()[1][self::*]">
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:call-template name="name-label"/>
  </xsl:template>
  <xsl:template match="tei:idno | tei:note | tei:ptr | tei:email | tei:affiliation | tei:choice/tei:sic
                       | tei:choice/tei:orig | tei:choice/tei:abbr | comment() | processing-instruction()" mode="name-text"/>
  <xsl:template match="text()" mode="name-text">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- What a mention's tooltip says: "Person: Vladimir Lenin (1870–1924)",
       or that the register does not know it. -->
  <xsl:template name="name-title">
    <xsl:param name="kind"/>
    <xsl:param name="entity"/>
    <xsl:param name="uncertain"/>
    <xsl:variable name="kind-label">
      <xsl:call-template name="kind-label">
        <xsl:with-param name="kind" select="$kind"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$entity != ''">
        <xsl:for-each select="key('entity', $entity)">
          <xsl:value-of select="concat(translate(substring($kind-label, 1, 1), 'pon', 'PON'), substring($kind-label, 2), ': ')"/>
          <xsl:call-template name="entity-label"/>
          <xsl:variable name="dates">
            <xsl:call-template name="entity-dates"/>
          </xsl:variable>
          <xsl:if test="$dates != ''">
            <xsl:value-of select="concat(' (', $dates, ')')"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="$uncertain">
        <xsl:value-of select="concat('Unidentified ', $kind-label, ' (not in the register)')"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Sort key: the surname when the entry has one, else its label. -->
  <xsl:template name="entity-sort-key">
    <xsl:choose>
      <xsl:when test="tei:persName/tei:surname">
        <xsl:value-of select="normalize-space(tei:persName[tei:surname][1]/tei:surname[1])"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="entity-label"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Dates of life or existence: "1870–1924", "b. 1870", "fl. 1917". -->
  <xsl:template name="entity-dates">
    <xsl:variable name="from" select="(tei:birth | tei:event[@type = 'founded' or @type = 'foundation'])[1]"/>
    <xsl:variable name="to" select="(tei:death | tei:event[@type = 'dissolved' or @type = 'dissolution'])[1]"/>
    <xsl:variable name="from-year">
      <xsl:call-template name="year-of">
        <xsl:with-param name="node" select="$from"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="to-year">
      <xsl:call-template name="year-of">
        <xsl:with-param name="node" select="$to"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$from-year != '' and $to-year != ''">
        <xsl:value-of select="concat($from-year, '–', $to-year)"/>
      </xsl:when>
      <xsl:when test="$from-year != ''">
        <xsl:value-of select="concat('b. ', $from-year)"/>
      </xsl:when>
      <xsl:when test="$to-year != ''">
        <xsl:value-of select="concat('d. ', $to-year)"/>
      </xsl:when>
      <xsl:when test="tei:floruit">
        <xsl:text>fl. </xsl:text>
        <xsl:call-template name="year-of">
          <xsl:with-param name="node" select="tei:floruit[1]"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="year-of">
    <xsl:param name="node"/>
    <xsl:variable name="iso" select="string(($node/@when | $node/@notBefore | $node/@from | $node/tei:date/@when)[1])"/>
    <xsl:choose>
      <xsl:when test="starts-with($iso, '-')"/>
      <xsl:when test="$iso != ''">
        <xsl:value-of select="number(substring($iso, 1, 4))"/>
      </xsl:when>
      <xsl:when test="$node">
        <xsl:value-of select="normalize-space($node)"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- A short description of an entry, when the register gives one. -->
  <xsl:template name="entity-note">
    <xsl:value-of select="normalize-space((tei:note[not(@type = 'ambiguous')] | tei:occupation | tei:desc)[1])"/>
  </xsl:template>

  <!-- The URL of an authority record (idno), or '' when there is none. -->
  <xsl:template name="authority-url">
    <xsl:variable name="value" select="normalize-space(.)"/>
    <xsl:variable name="type" select="translate(@type, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:choose>
      <xsl:when test="starts-with($value, 'https://') or starts-with($value, 'http://')">
        <xsl:value-of select="$value"/>
      </xsl:when>
      <xsl:when test="$value = ''"/>
      <xsl:when test="$type = 'wikidata'">
        <xsl:value-of select="concat('https://www.wikidata.org/wiki/', $value)"/>
      </xsl:when>
      <xsl:when test="$type = 'viaf'">
        <xsl:value-of select="concat('https://viaf.org/viaf/', $value)"/>
      </xsl:when>
      <xsl:when test="$type = 'geonames'">
        <xsl:value-of select="concat('https://www.geonames.org/', $value)"/>
      </xsl:when>
      <xsl:when test="$type = 'gnd'">
        <xsl:value-of select="concat('https://d-nb.info/gnd/', $value)"/>
      </xsl:when>
      <xsl:when test="$type = 'lccn' or $type = 'loc'">
        <xsl:value-of select="concat('https://id.loc.gov/authorities/names/', $value)"/>
      </xsl:when>
      <xsl:when test="$type = 'orcid'">
        <xsl:value-of select="concat('https://orcid.org/', $value)"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The name of an authority: "Wikidata", "VIAF", "GeoNames", or the @type. -->
  <xsl:template name="authority-label">
    <xsl:variable name="type" select="translate(@type, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:choose>
      <xsl:when test="$type = 'wikidata'">Wikidata</xsl:when>
      <xsl:when test="$type = 'viaf'">VIAF</xsl:when>
      <xsl:when test="$type = 'geonames'">GeoNames</xsl:when>
      <xsl:when test="$type = 'gnd'">GND</xsl:when>
      <xsl:when test="$type = 'lccn' or $type = 'loc'">LC</xsl:when>
      <xsl:when test="$type = 'orcid'">ORCID</xsl:when>
      <xsl:when test="@type">
        <xsl:value-of select="@type"/>
      </xsl:when>
      <xsl:otherwise>ID</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The identifier as shown: the last path segment of a URL, else the value. -->
  <xsl:template name="authority-value">
    <xsl:variable name="value" select="normalize-space(.)"/>
    <xsl:choose>
      <xsl:when test="contains($value, '://')">
        <xsl:call-template name="last-segment">
          <xsl:with-param name="text" select="$value"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$value"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="last-segment">
    <xsl:param name="text"/>
    <xsl:variable name="trimmed">
      <xsl:choose>
        <xsl:when test="substring($text, string-length($text)) = '/'">
          <xsl:value-of select="substring($text, 1, string-length($text) - 1)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$text"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="contains($trimmed, '/')">
        <xsl:call-template name="last-segment">
          <xsl:with-param name="text" select="substring-after($trimmed, '/')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$trimmed"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
