<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
<!-- A user stylesheet that tries to write a file (XSLT 1.0 has no xsl:result-document; EXSLT does). -->
<xsl:output method="text"/>
<xsl:template match="/"><exsl:document href="@OUT@" method="text">written</exsl:document>done</xsl:template>
</xsl:stylesheet>
